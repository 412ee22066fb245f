// Both ends of a range have one integer type.
fn main() {
    let lo: u8 = 0;
    let hi: i64 = 10;
    for i in lo..hi {
        println("{}", i);
    }
    let r = 0.0..1.0;
}
