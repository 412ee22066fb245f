// An unknown type in a parameter and a return type.
fn convert(v: Strng) -> i64 {
    0
}

fn main() {
    println("{}", convert("a"));
}
