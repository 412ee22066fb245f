// Only arrays can be indexed so far.
fn main() {
    let t = (1, 2);
    let x = t[0];
}
