// A `let` statement without its semicolon.
fn main() {
    let x = 5
    let y = 6;
    println("{} {}", x, y);
}
