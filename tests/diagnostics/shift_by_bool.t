// The shift amount must be an integer.
fn main() {
    let x = 1u8 << true;
    println("{}", x);
}
