// A string where an i64 is expected.
fn main() {
    let n: i64 = "42";
    println("{}", n);
}
