// Integer-only methods on floats, and abs() on an unsigned type.
fn main() {
    let x = 2.5f64;
    let a = x.pow(2);
    let b = x.count_ones();
    let c = 5u32.abs();
}
