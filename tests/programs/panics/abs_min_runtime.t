// exit: 101
// stderr: attempt to negate with overflow
// abs() of values computed at run time; i8::MIN's absolute value does not fit.
fn smallest(a: [i8; 5]) -> i8 {
    let mut m = a[0];
    for x in a { m = m.min(x); }
    m
}

fn main() {
    let a: [i8; 5] = [3, -100, 42, -7, 0];
    println("{}", smallest(a).abs());
    let mut b = a;
    b[3] = -128;
    println("{}", b[0].abs());
    println("{}", smallest(b).abs());
}
