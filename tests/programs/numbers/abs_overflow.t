// exit: 101
// stderr: panicked at programs/numbers/abs_overflow.t:6:14: attempt to negate with overflow
fn main() {
    let m = i8::MIN + 1;
    println("{}", m.abs());
    let n = (m - 1).abs();
    println("{}", n);
}
