// Heap's algorithm (iterative) over 5 elements: count, parity, and the lexicographic rank
// of a few permutations; also next-permutation stepping through all orders of 4 items.
fn next_permutation(a: &mut [u8; 4]) -> bool {
    let mut i = 3;
    while i > 0 && a[i - 1] >= a[i] { i -= 1; }
    if i == 0 { return false; }
    let mut j = 3;
    while a[j] <= a[i - 1] { j -= 1; }
    let t = a[i - 1];
    a[i - 1] = a[j];
    a[j] = t;
    let mut l = i;
    let mut r = 3;
    while l < r {
        let t = a[l];
        a[l] = a[r];
        a[r] = t;
        l += 1;
        r -= 1;
    }
    true
}

fn main() {
    let mut a = [1, 2, 3, 4, 5];
    let mut c = [0usize; 5];
    let mut count = 1;
    let mut checksum: u64 = 0;
    let mut i = 0;
    while i < 5 {
        if c[i] < i {
            if i % 2 == 0 {
                let t = a[0]; a[0] = a[i]; a[i] = t;
            } else {
                let t = a[c[i]]; a[c[i]] = a[i]; a[i] = t;
            }
            count += 1;
            let mut v: u64 = 0;
            for x in a { v = v * 10 + x; }
            checksum = checksum.wrapping_mul(31).wrapping_add(v);
            c[i] += 1;
            i = 0;
        } else {
            c[i] = 0;
            i += 1;
        }
    }
    println("heap: {} permutations, last {}{}{}{}{}, checksum {}", count, a[0], a[1], a[2], a[3], a[4], checksum);

    let mut p = [b'a', b'b', b'c', b'd'];
    let mut n = 0;
    loop {
        for ch in p { print("{}", ch as char); }
        n += 1;
        print("{}", if n % 8 == 0 { "\n" } else { " " });
        if !next_permutation(&mut p) { break; }
    }
    println("{} orders", n);
}
