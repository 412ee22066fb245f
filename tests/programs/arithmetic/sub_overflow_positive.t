// exit: 101
// stderr: panicked at programs/arithmetic/sub_overflow_positive.t:6:5: attempt to subtract with overflow
// 9223372036854775807 - -1 traps at run time; output printed before the panic is flushed.

fn apply(a: i64, b: i64) -> i64 {
    a - b
}

fn main() {
    println("before");
    let r = apply(9223372036854775807, -1);
    println("not reached: {}", r);
}
