// Integer methods: abs, min, max, pow (checked), wrapping arithmetic, bit counts.
fn main() {
    let a: i64 = -42;
    let b: i32 = 17;
    println("{} {} {} {}", a.abs(), a.min(5), a.max(5), b.min(-3));
    println("{} {} {}", 2i64.pow(62), 10u64.pow(19), 7i32.pow(0));
    println("{} {} {}", 250u8.wrapping_add(10), 0u32.wrapping_sub(1), i64::MAX.wrapping_mul(2));
    println("{} {} {}", i32::MIN.wrapping_sub(1), 200u8.wrapping_mul(3), (-128i8).wrapping_sub(1));
    let x: u32 = 0b1011_0000;
    println("{} {} {}", x.count_ones(), x.leading_zeros(), x.trailing_zeros());
    println("{} {}", 0u8.leading_zeros(), 0i64.trailing_zeros());
    println("{} {}", (-1i16).count_ones(), 1u64.leading_zeros());
}
