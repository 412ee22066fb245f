// Dynamic programming on fixed arrays: 0/1 knapsack, longest common subsequence of two
// byte strings (with the subsequence recovered), and edit distance.
fn knapsack(weights: [usize; 6], values: [u32; 6], cap: usize) -> u32 {
    let mut best = [0u32; 21];
    for i in 0..6 {
        let mut w = cap;
        while w >= weights[i] {
            best[w] = best[w].max(best[w - weights[i]] + values[i]);
            if w == 0 { break; }
            w -= 1;
        }
    }
    best[cap]
}

fn main() {
    println("knapsack: {}", knapsack([3, 4, 5, 9, 2, 7], [30, 50, 60, 90, 14, 85], 20));
    println("knapsack small: {}", knapsack([3, 4, 5, 9, 2, 7], [30, 50, 60, 90, 14, 85], 6));

    let a = [b'A', b'G', b'G', b'T', b'A', b'B', b'Q', b'X'];
    let b = [b'G', b'X', b'T', b'X', b'A', b'Y', b'B'];
    let mut t = [[0u32; 8]; 9];
    for i in 1..=8 {
        for j in 1..=7 {
            t[i][j] = if a[i - 1] == b[j - 1] { t[i - 1][j - 1] + 1 } else { t[i - 1][j].max(t[i][j - 1]) };
        }
    }
    let mut out = [b'-'; 8];
    let mut k = t[8][7] as usize;
    println("lcs length {}", k);
    let (mut i, mut j) = (8, 7);
    while i > 0 && j > 0 {
        if a[i - 1] == b[j - 1] {
            k -= 1;
            out[k] = a[i - 1];
            i -= 1;
            j -= 1;
        } else if t[i - 1][j] >= t[i][j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    for c in out { print("{}", c as char); }
    println();

    let s = [b'k', b'i', b't', b't', b'e', b'n'];
    let u = [b's', b'i', b't', b't', b'i', b'n', b'g'];
    let mut d = [[0usize; 8]; 7];
    for i in 0..7 { d[i][0] = i; }
    for j in 0..8 { d[0][j] = j; }
    for i in 1..7 {
        for j in 1..8 {
            let cost = if s[i - 1] == u[j - 1] { 0 } else { 1 };
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
        }
    }
    println("edit distance kitten -> sitting: {}", d[6][7]);
}
