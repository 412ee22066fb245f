// The unit value cannot be formatted.
fn nothing() {}

fn main() {
    println("{}", nothing());
}
