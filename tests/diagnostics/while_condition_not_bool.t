// The condition of `while` must be a bool.
fn main() {
    let mut n = 3;
    while n {
        n -= 1;
    }
}
