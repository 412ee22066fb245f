// A string literal that never ends.
fn main() {
    println("hello);
}
