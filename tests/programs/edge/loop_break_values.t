// `loop` with `break value` as a search primitive, including tuples and early returns.
fn first_multiple_with_digit_sum(m: u64, target: u64) -> u64 {
    let mut k = m;
    loop {
        let mut s = 0;
        let mut x = k;
        while x > 0 {
            s += x % 10;
            x /= 10;
        }
        if s == target { break k; }
        k += m;
    }
}

fn find_pair(a: [i32; 8], sum: i32) -> (usize, usize) {
    let mut i = 0;
    loop {
        if i == a.len() { return (99, 99); }
        let mut j = i + 1;
        let hit = loop {
            if j >= a.len() { break false; }
            if a[i] + a[j] == sum { break true; }
            j += 1;
        };
        if hit { break (i, j); }
        i += 1;
    }
}

fn main() {
    println("{}", first_multiple_with_digit_sum(7, 20));
    println("{}", first_multiple_with_digit_sum(13, 2));
    let a = [5, -2, 9, 14, 3, 8, -7, 1];
    for s in [12, 7, 100, -9] {
        let (i, j) = find_pair(a, s);
        println("sum {}: {} {}", s, i, j);
    }
    let mut n: u32 = 1;
    let bits = loop {
        n *= 3;
        if n.count_ones() >= 10 { break n.count_ones(); }
    };
    println("3^k with >= 10 bits set: {} has {}", n, bits);
}
