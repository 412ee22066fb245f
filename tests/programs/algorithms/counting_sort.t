// Counting sort of small values (bytes of a text) and a histogram with bars.
fn main() {
    let text = [b'm', b'i', b's', b's', b'i', b's', b's', b'i', b'p', b'p', b'i', b' ', b'r', b'i', b'v', b'e', b'r'];
    let mut counts = [0usize; 256];
    for c in text {
        counts[c as usize] += 1;
    }
    let mut out = [0u8; 17];
    let mut k = 0;
    for v in 0..256 {
        for _ in 0..counts[v] {
            out[k] = v as u8;
            k += 1;
        }
    }
    print("[");
    for c in out { print("{}", c as char); }
    println("]");
    for v in 0..256 {
        let n = counts[v];
        if n == 0 { continue; }
        print("{:?} {} ", v as u8 as char, n);
        for _ in 0..n { print("#"); }
        println();
    }
}
