// A \u{...} escape that is not a Unicode scalar value (a surrogate).
fn main() {
    println("surrogate: \u{D800}");
}
