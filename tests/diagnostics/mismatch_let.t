// The initializer does not match the annotated type.
fn main() {
    let count: i64 = true;
    println("{}", count);
}
