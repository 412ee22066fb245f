// An array length must be known at compile time.
fn main() {
    let n = 4;
    let a = [0; n];
}
