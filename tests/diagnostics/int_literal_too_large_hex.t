// A hexadecimal literal wider than 64 bits.
fn main() {
    let x = 0x1_0000_0000_0000_0000;
    println("{}", x);
}
