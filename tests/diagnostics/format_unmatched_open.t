// A `{` in a format string without its `}`.
fn main() {
    let x = 1;
    println("value: {", x);
}
