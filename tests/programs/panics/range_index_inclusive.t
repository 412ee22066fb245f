// exit: 101
// stderr: panicked at programs/panics/range_index_inclusive.t:11:14: index out of bounds: the len is 16 but the index is 16
// `i <= 16` lets the index reach the length: the bounds check inside the loop must stay,
// although `i += 1` (i <= 16) loses its overflow check.
fn main() {
    let a = [3; 16];
    let mut s = 0;
    let mut i = 0;
    while i <= 16 {
        println("{}", s);
        s += a[i];
        i += 1;
    }
}
