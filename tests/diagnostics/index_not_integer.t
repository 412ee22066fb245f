// An index is an integer.
fn main() {
    let a = [1, 2, 3];
    let x = a[true];
}
