// exit: 101
// stderr: panicked at programs/arithmetic/mul_overflow_min_neg_one.t:6:5: attempt to multiply with overflow
// -9223372036854775808 * -1 traps at run time; output printed before the panic is flushed.

fn apply(a: i64, b: i64) -> i64 {
    a * b
}

fn main() {
    println("before");
    let r = apply(-9223372036854775808, -1);
    println("not reached: {}", r);
}
