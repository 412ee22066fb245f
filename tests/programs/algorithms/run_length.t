// Run-length encoding of a byte array into (count, byte) pairs and back, with the
// compression ratio.
const LEN: usize = 32;

fn encode(src: [u8; LEN], out: &mut [(u8, u8); LEN]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < LEN {
        let b = src[i];
        let mut run: u8 = 1;
        while i + (run as usize) < LEN && src[i + run as usize] == b && run < 9 {
            run += 1;
        }
        out[n] = (run, b);
        n += 1;
        i += run as usize;
    }
    n
}

fn main() {
    let mut src = [b'.'; LEN];
    let marks = [(3, b'#'), (4, b'#'), (5, b'#'), (10, b'x'), (20, b'o'), (21, b'o')];
    for m in marks { src[m.0] = m.1; }
    for i in 24..LEN { src[i] = b'z'; }
    let mut pairs = [(0u8, 0u8); LEN];
    let n = encode(src, &mut pairs);
    for i in 0..n {
        print("{}{}", pairs[i].0, pairs[i].1 as char);
    }
    println();
    let mut back = [0u8; LEN];
    let mut at = 0;
    for i in 0..n {
        for _ in 0..pairs[i].0 {
            back[at] = pairs[i].1;
            at += 1;
        }
    }
    let mut same = at == LEN;
    for i in 0..LEN { if back[i] != src[i] { same = false; } }
    println("{} runs, decoded ok: {}, ratio {:.3}", n, same, (2 * n) as f64 / LEN as f64);
}
