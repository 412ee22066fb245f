// All elements of an array have one type.
fn main() {
    let a = [1, 2, true];
}
