// A method on a number whose type is not settled yet cannot be looked up.
fn main() {
    let n = 5;
    let m = n.abs();
}
