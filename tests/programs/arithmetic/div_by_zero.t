// exit: 101
// stderr: panicked at programs/arithmetic/div_by_zero.t:6:5: attempt to divide by zero
// 42 / 0 traps at run time; output printed before the panic is flushed.

fn apply(a: i64, b: i64) -> i64 {
    a / b
}

fn main() {
    println("before");
    let r = apply(42, 0);
    println("not reached: {}", r);
}
