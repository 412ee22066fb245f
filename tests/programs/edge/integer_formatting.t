// Integer printing: bases with and without prefixes, zero padding after signs and
// prefixes, alignment with fills, and two's complement bits of negative values.
fn main() {
    let xs: [i32; 5] = [0, 1, -1, 255, i32::MIN];
    for x in xs {
        println("[{:>12}] [{:<12}] [{:^12}] [{:+}] [{:x}] [{:#X}] [{:o}]", x, x, x, x, x, x, x);
    }
    println("{:#010b} {:#06x} {:08} {:+08}", 5, 255, -42, 42);
    println("{:b} {:x} {:o}", -1i8, -2i16, -8i32);
    println("{:*^11} {:->7} {:_<6}|", 7, -3, 12);
    println("{:#b} {:#o} {:#x}", u64::MAX, 8u8, i64::MIN);
    println("{} {} {} {}", u8::MAX, i16::MIN, u32::BITS, i64::MAX);
    println("{0:>4}{1:>4}{0:>4}", 1, 22);
    let width_test = 1234567;
    println("[{:3}] [{:>3}]", width_test, -width_test);
}
