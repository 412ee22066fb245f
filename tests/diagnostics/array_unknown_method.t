// Arrays have `len()` and nothing else yet.
fn main() {
    let mut a = [1, 2, 3];
    a.push(4);
    let n = a.lenght();
}
