// fannkuch: the Benchmarks Game fannkuch-redux, single-threaded. Walks all n!
// permutations of 0..n in the benchmark's fixed order and, for each, counts the prefix
// reversals ("pancake flips") until 0 comes first; prints a checksum of the flip counts
// (alternating signs) and the maximum. Measures short, branchy loops of small-array
// loads, stores and swaps with data-dependent indices, every one bounds-checked.
// @N@ (the number of elements, at most 16) is substituted by bench/run; the argument
// count keeps it opaque to the optimiser.

fn main() {
    let n = @N@ + std::env::arg_count() - 1;
    let mut perm: [i64; 16] = [0; 16];
    let mut perm1: [i64; 16] = [0; 16];
    let mut count: [i64; 16] = [0; 16];
    let mut max_flips = 0;
    let mut checksum = 0;
    let mut perm_index = 0;
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
        let mut flips = 0;
        let mut k = perm[0];
        while k != 0 {
            let mut lo = 0;
            let mut hi = k;
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

        // Next permutation: rotate the first r + 1 elements of perm1 left by one, as many
        // times as count[] allows, moving on to longer prefixes when it runs out.
        loop {
            if r == n {
                println("{}\nPfannkuchen({}) = {}", checksum, n, max_flips);
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
