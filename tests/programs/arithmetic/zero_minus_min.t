// exit: 101
// stderr: panicked at programs/arithmetic/zero_minus_min.t:7:5: attempt to subtract with overflow
// A subtraction whose left operand is the literal 0 is still a subtraction (not a negation)
// and must be reported as such.

fn flip(b: i64) -> i64 {
    0 - b
}

fn main() {
    println("0 - 5 = {}", flip(5));
    println("0 - max = {}", flip(9223372036854775807));
    let r = flip(-9223372036854775807 - 1);
    println("not reached: {}", r);
}
