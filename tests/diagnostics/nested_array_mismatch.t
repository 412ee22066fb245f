// The rows of a nested array must have one type: same length and same element type.
fn main() {
    let ragged = [[1, 2], [3, 4, 5]];
    let mixed = [[1, 2], [3.0, 4.0]];
}
