// Labelled `loop` and `while`, with `break 'label value` and `continue 'label`.
fn main() {
    let mut i = 0;
    let found = 'search: loop {
        let mut j = 0;
        while j < 10 {
            if i * j == 42 { break 'search (i, j); }
            j += 1;
        }
        i += 1;
    };
    println("{} {}", found.0, found.1);
    let mut n = 0;
    let mut skipped = 0;
    'rows: while n < 4 {
        n += 1;
        let mut m = 0;
        loop {
            m += 1;
            if m == n { skipped += 1; continue 'rows; }
        }
    }
    println("{} {}", n, skipped);
}
