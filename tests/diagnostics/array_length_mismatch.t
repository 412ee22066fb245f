// The length is part of an array's type.
fn main() {
    let a: [i64; 3] = [1, 2, 3, 4];
}
