// A lone `}` in a format string.
fn main() {
    println("closing } brace");
}
