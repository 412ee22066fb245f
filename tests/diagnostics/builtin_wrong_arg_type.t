// std::env::arg takes an i64 index.
fn main() {
    let first = std::env::arg("1");
    println("{}", first);
}
