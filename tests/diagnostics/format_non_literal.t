// The format string must be a string literal.
fn main() {
    let fmt = "{}";
    println(fmt, 1);
}
