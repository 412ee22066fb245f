// exit: 101
// stderr: panicked at programs/arithmetic/mul_overflow.t:6:5: attempt to multiply with overflow
// 4611686018427387904 * 2 traps at run time; output printed before the panic is flushed.

fn apply(a: i64, b: i64) -> i64 {
    a * b
}

fn main() {
    println("before");
    let r = apply(4611686018427387904, 2);
    println("not reached: {}", r);
}
