// Loops whose overflow and bounds checks range-check-elimination removes, with values at
// the edges of their types: the unchecked operations must compute exactly what the checked
// ones did.
fn squares_near_the_top() {
    // 3037000499^2 is the largest square below i64::MAX; i < 3037000500 proves i * i fits.
    let mut i: i64 = 3037000495;
    while i < 3037000500 {
        println("{}", i * i);
        i += 1;
    }
}

fn counters_at_the_ends() {
    let mut n: i8 = -128;
    let mut steps = 0;
    while n < 127 {
        n += 1;
        steps += 1;
    }
    println("i8 {} {}", n, steps);
    let mut k: u64 = 18446744073709551600;
    let mut c = 0;
    while k < 18446744073709551615 {
        k += 1;
        c += 1;
    }
    println("u64 {} {}", k, c);
    let mut d: u8 = 255;
    while d > 0 {
        d -= 1;
    }
    println("u8 {}", d);
    let mut m: u8 = 0;
    while m != 255 {
        m += 1;
    }
    println("u8 {}", m);
}

fn fixed_arrays() {
    let mut a = [0; 16];
    let mut i = 0;
    while i < 16 {
        a[i] = i * i;
        i += 1;
    }
    let mut s = 0;
    for j in 0..=15 {
        s += a[j];
    }
    let mut b = [0u8; 8];
    for k in 0..8 {
        b[k] = (k * 31 + 7) as u8;
    }
    let mut t: u32 = 0;
    for k in 0..8 {
        t += (b[k] as u32) * 3 + (b[7 - k] as u32);
    }
    println("{} {} {}", s, t, a[15] + a[0]);
}

fn bytes_and_masks(seed: u64) {
    let mut h: u64 = seed;
    let mut table = [0u32; 16];
    for r in 0..1000 {
        h = (h * 48271 + r) % 2147483647;
        let slot = h % 16;
        table[slot] += (h & 255) as u32;
        let low = (h & 15) as i64;
        table[low] += 1;
    }
    let mut total: u32 = 0;
    for q in 0..16 {
        total += table[q];
    }
    println("{} {}", total, table[3]);
}

fn main() {
    squares_near_the_top();
    counters_at_the_ends();
    fixed_arrays();
    bytes_and_masks(12345);
}
