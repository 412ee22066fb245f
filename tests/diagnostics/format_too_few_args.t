// More placeholders than arguments.
fn main() {
    println("{} and {}", 1);
}
