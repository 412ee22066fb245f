// The smallest useful program.
fn main() {
    println("Hello, world!");
}
