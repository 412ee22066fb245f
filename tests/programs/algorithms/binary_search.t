// Binary search (lower bound) over a sorted array, and integer square roots by bisection.
fn lower_bound(a: &[i64; 16], target: i64) -> usize {
    let mut lo = 0;
    let mut hi = a.len();
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if a[mid] < target { lo = mid + 1; } else { hi = mid; }
    }
    lo
}

fn isqrt(n: u64) -> u64 {
    let mut lo: u64 = 0;
    let mut hi: u64 = 1 << 32;
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if mid * mid <= n { lo = mid; } else { hi = mid; }
    }
    lo
}

fn main() {
    let mut a = [0i64; 16];
    for i in 0..16 {
        a[i] = (i as i64) * (i as i64) - 20;
    }
    for t in [-100, -20, -19, 5, 16, 205, 206] {
        let i = lower_bound(&a, t);
        let found = i < a.len() && a[i] == t;
        println("{:>5} -> index {:>2} found {}", t, i, found);
    }
    for n in [0u64, 1, 15, 16, 17, 1_000_000, 999_999_999_999, u32::MAX as u64 * u32::MAX as u64] {
        println("isqrt({}) = {}", n, isqrt(n));
    }
}
