// stderr: panicked at programs/types/unsigned_overflow.t:5:5: attempt to subtract with overflow
// exit: 101
fn sub(a: u32, b: u32) -> u32 {
    println("subtracting");
    a - b
}

fn main() {
    println("{}", sub(5, 3));
    println("{}", sub(3, 5));
}
