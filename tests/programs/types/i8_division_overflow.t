// stderr: panicked at programs/types/i8_division_overflow.t:5:5: attempt to divide with overflow
// exit: 101
fn div(a: i8, b: i8) -> i8 {
    println("{} / {}", a, b);
    a / b
}

fn main() {
    println("{}", div(-128, 2));
    println("{}", div(-128, -1));
}
