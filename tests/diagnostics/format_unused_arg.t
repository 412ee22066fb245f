// An argument that no placeholder uses.
fn main() {
    println("{}", 1, 2);
}
