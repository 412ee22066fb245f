// exit: 101
// stderr: panicked at programs/arithmetic/mul_overflow_large.t:6:5: attempt to multiply with overflow
// 3037000500 * 3037000500 traps at run time; output printed before the panic is flushed.

fn apply(a: i64, b: i64) -> i64 {
    a * b
}

fn main() {
    println("before");
    let r = apply(3037000500, 3037000500);
    println("not reached: {}", r);
}
