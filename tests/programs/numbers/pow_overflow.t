// exit: 101
// stderr: panicked at programs/numbers/pow_overflow.t:6:19: attempt to multiply with overflow
fn main() {
    let base: i32 = 3;
    println("{}", base.pow(19));
    println("{}", base.pow(21));
}
