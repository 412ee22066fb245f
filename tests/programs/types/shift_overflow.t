// stderr: panicked at programs/types/shift_overflow.t:5:5: attempt to shift left with overflow
// exit: 101
fn shl(x: i32, n: u32) -> i32 {
    println("shift by {}", n);
    x << n
}

fn main() {
    println("{}", shl(1, 31));
    println("{}", shl(1, 32));
}
