// Bitwise operators and shifts on signed and unsigned integers.
fn main() {
    let a: u8 = 0b1100_1010;
    let b: u8 = 0b1010_0110;
    println("{} {} {} {}", a & b, a | b, a ^ b, !a);
    println("{} {}", a << 1u32, a >> 3);
    let s: i32 = -16;
    println("{} {} {}", s >> 2, s << 2, !s);
    let mut m: u64 = 1;
    m <<= 63;
    println("{}", m);
    m >>= 62;
    m |= 8;
    m ^= 1;
    m &= 0xff;
    println("{}", m);
    println("{} {}", true & false, true ^ true);
    let amount: i64 = 3;
    println("{}", 1i32 << amount);
}
