// exit: 101
// stderr: attempt to shift left with overflow
// Shift amounts computed at run time; 1u32 << 32 panics.
fn main() {
    let mut n: u32 = 0;
    while n <= 40 {
        let v: u32 = 1 << n;
        println("{:>2} {:>10}", n, v);
        n += 4;
    }
}
