// The condition of `if` must be a bool.
fn main() {
    let n = 3;
    if n {
        println("nonzero");
    }
}
