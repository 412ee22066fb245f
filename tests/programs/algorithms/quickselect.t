// Quickselect (Lomuto partition) for order statistics: median, quartiles, and checks
// against a fully sorted copy.
const N: usize = 21;

fn partition(a: &mut [i64; N], lo: usize, hi: usize) -> usize {
    let pivot = a[hi];
    let mut store = lo;
    for i in lo..hi {
        if a[i] < pivot {
            let t = a[i];
            a[i] = a[store];
            a[store] = t;
            store += 1;
        }
    }
    let t = a[store];
    a[store] = a[hi];
    a[hi] = t;
    store
}

fn select(mut a: [i64; N], k: usize) -> i64 {
    let (mut lo, mut hi) = (0, N - 1);
    loop {
        if lo == hi { return a[lo]; }
        let p = partition(&mut a, lo, hi);
        if k == p {
            return a[p];
        } else if k < p {
            hi = p - 1;
        } else {
            lo = p + 1;
        }
    }
}

fn main() {
    let mut a = [0i64; N];
    let mut s: i64 = 17;
    for i in 0..N {
        s = (s * 7919 + 13) % 1009;
        a[i] = s - 500;
    }
    let mut sorted = a;
    for i in 1..N {
        let mut j = i;
        while j > 0 && sorted[j - 1] > sorted[j] {
            let t = sorted[j];
            sorted[j] = sorted[j - 1];
            sorted[j - 1] = t;
            j -= 1;
        }
    }
    let mut agree = 0;
    for k in 0..N {
        if select(a, k) == sorted[k] { agree += 1; }
    }
    println("min {} q1 {} median {} q3 {} max {}", select(a, 0), select(a, N / 4), select(a, N / 2), select(a, 3 * N / 4), select(a, N - 1));
    println("{} of {} ranks agree with sorting", agree, N);
}
