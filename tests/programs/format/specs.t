// Format specs: width, fill, alignment, sign, alternate forms, zero padding, radixes.
fn main() {
    let n = 42;
    println("[{:5}] [{:<5}] [{:^5}] [{:>5}]", n, n, n, n);
    println("[{:*^9}] [{:+}] [{:05}] [{:+06}]", n, n, n, -n);
    println("{:x} {:X} {:o} {:b}", 255, 255, 8, 5);
    println("{:#x} {:#X} {:#o} {:#b} {:#010x}", 255, 255, 8, 5, 255);
    println("{:x} {:x} {:b}", -1i8, -1i32, -2i8);
    println("[{:8}] [{:<8}] [{:>8}] [{:.3}]", "ab", "ab", "ab", "abcdef");
    println("[{:^7}] [{:-^7}]", 'c', true);
    println("{:?} {:?} {:?}", "quote\"d\n", 'x', 7);
    let w = 3;
    println("{w:>4} {w:04}");
    println("{0:>3}|{0:<3}|{1:x}", 9, 171);
    println("{:e} {:E}", 1234, 1500000u32);
}
