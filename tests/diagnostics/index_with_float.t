// An index must be an integer, not a float (even one with an integral value).
fn main() {
    let a = [10, 20, 30];
    let x = a[1.0];
    let i = 2.0f64;
    let y = a[i];
}
