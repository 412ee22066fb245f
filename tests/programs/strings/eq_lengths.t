// String `==` compares whole words at a time in the runtime (trt_str_eq): equal strings of
// every length up to 20 in separate buffers, and for each a copy differing in one byte at
// every position (first, last, inside a word, in the overlapping last word), and a prefix.
fn make(n: usize, change: usize) -> String {
    let mut s = String::new();
    let mut i: usize = 0;
    while i < n {
        let c = (b'a' + (i % 26) as u8) as char;
        s.push(if i == change { 'Z' } else { c });
        i += 1;
    }
    s
}

fn main() {
    let mut checked = 0;
    let mut wrong = 0;
    for n in 0..21 {
        let a = make(n, n);
        let b = make(n, n);
        if a != b || !(a == b) { wrong += 1; }
        checked += 1;
        for p in 0..n {
            let c = make(n, p);
            if a == c || c == a || !(a != c) { wrong += 1; println("wrong at length {} position {}", n, p); }
            checked += 1;
        }
        if n > 0 {
            let shorter = make(n - 1, n);
            if a == shorter { wrong += 1; }
            checked += 1;
        }
    }
    println("{} checked, {} wrong", checked, wrong);
}
