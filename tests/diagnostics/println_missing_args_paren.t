// A call missing its closing parenthesis.
fn main() {
    println("a {}", 1;
    println("b");
}
