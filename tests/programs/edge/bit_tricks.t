// Bit manipulation: a popcount lookup table against count_ones, Gray codes and their
// inverse, bit reversal, lowest set bit, powers of two and parity.
fn popcount_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    for i in 1..256 {
        t[i] = (i & 1) as u8 + t[i / 2];
    }
    t
}

fn popcount32(t: &[u8; 256], x: u32) -> u32 {
    t[(x & 0xff) as usize] as u32 + t[((x >> 8) & 0xff) as usize] as u32
        + t[((x >> 16) & 0xff) as usize] as u32 + t[(x >> 24) as usize] as u32
}

fn gray(n: u32) -> u32 { n ^ (n >> 1) }

fn gray_inverse(g: u32) -> u32 {
    let mut n = g;
    let mut shift = 1;
    while shift < 32 {
        n ^= n >> shift;
        shift *= 2;
    }
    n
}

fn reverse_bits(mut x: u32) -> u32 {
    let mut r: u32 = 0;
    for _ in 0..32 {
        r = (r << 1) | (x & 1);
        x >>= 1;
    }
    r
}

fn main() {
    let t = popcount_table();
    let mut x: u32 = 0x12345678;
    let mut mismatches = 0;
    for _ in 0..1000 {
        if popcount32(&t, x) != x.count_ones() { mismatches += 1; }
        x = x.wrapping_mul(2654435761).wrapping_add(1);
    }
    println("table vs count_ones mismatches: {}", mismatches);
    for n in 0..8u32 {
        println("{} -> {:03b} -> {}", n, gray(n), gray_inverse(gray(n)));
    }
    let mut ok = true;
    for n in 0..5000u32 {
        if (gray(n) ^ gray(n + 1)).count_ones() != 1 { ok = false; }
        if gray_inverse(gray(n)) != n { ok = false; }
    }
    println("gray properties hold: {}", ok);
    println("{:#010x} {:#010x}", reverse_bits(1), reverse_bits(0xF0F0_0001));
    for v in [1u64, 96, 1 << 40, 0x8000_0000_0000_0000] {
        let low = v & (!v).wrapping_add(1);
        println("{}: lowest bit {} trailing {} leading {} pow2 {}", v, low, v.trailing_zeros(), v.leading_zeros(), v & (v - 1) == 0);
    }
    println("{} {} {}", 0u32.leading_zeros(), 0u8.trailing_zeros(), (-1i16).count_ones());
    let parity = (0b1011_0110u8.count_ones() % 2) == 1;
    println("parity odd: {}", parity);
}
