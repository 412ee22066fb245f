// fannkuch: Rust counterpart of fannkuch.t (same algorithm, same output). Benchmarks
// Game fannkuch-redux, single-threaded, std only, fixed-size arrays indexed with bounds
// checks.

const MAX_N: usize = 16;

fn main() {
    let n = @N@ + std::env::args().count() - 1;
    let mut perm = [0usize; MAX_N];
    let mut perm1 = [0usize; MAX_N];
    let mut count = [0usize; MAX_N];
    let mut max_flips = 0i64;
    let mut checksum = 0i64;
    let mut perm_index = 0u64;
    for i in 0..n {
        perm1[i] = i;
    }
    let mut r = n;
    loop {
        while r != 1 {
            count[r - 1] = r;
            r -= 1;
        }
        for i in 0..n {
            perm[i] = perm1[i];
        }

        // Flip the first perm[0] + 1 elements until 0 comes first.
        let mut flips = 0i64;
        let mut k = perm[0];
        while k != 0 {
            let (mut lo, mut hi) = (0, k);
            while lo < hi {
                let t = perm[lo];
                perm[lo] = perm[hi];
                perm[hi] = t;
                lo += 1;
                hi -= 1;
            }
            flips += 1;
            k = perm[0];
        }
        if flips > max_flips {
            max_flips = flips;
        }
        checksum += if perm_index % 2 == 0 { flips } else { -flips };

        // Next permutation: rotate the first r + 1 elements of perm1 left by one, as
        // many times as count[] allows, moving on to longer prefixes when it runs out.
        loop {
            if r == n {
                println!("{}\nPfannkuchen({}) = {}", checksum, n, max_flips);
                return;
            }
            let first = perm1[0];
            for i in 0..r {
                perm1[i] = perm1[i + 1];
            }
            perm1[r] = first;
            count[r] -= 1;
            if count[r] > 0 {
                break;
            }
            r += 1;
        }
        perm_index += 1;
    }
}
