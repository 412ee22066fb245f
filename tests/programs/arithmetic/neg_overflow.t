// exit: 101
// stderr: panicked at programs/arithmetic/neg_overflow.t:6:5: attempt to negate with overflow
// Negating i64::MIN traps.

fn negate(x: i64) -> i64 {
    -x
}

fn main() {
    println("{}", negate(5));
    println("{}", negate(-9223372036854775807));
    let r = negate(-9223372036854775807 - 1);
    println("not reached: {}", r);
}
