// An empty array says nothing about its element type.
fn main() {
    let a = [];
}
