// exit: 101
// stderr: panicked at programs/panics/inlined_helper_bounds.t:6:5: index out of bounds: the len is 5 but the index is 5
// An index check inside a small inlined helper reports the helper's own location.
fn at(v: &[i64; 5], k: i64) -> i64 {
    // the helper reads one past the end when k is 4
    v[k + 1]
}

fn main() {
    let v = [10, 20, 30, 40, 50];
    let mut sum = 0;
    for k in 0..5 {
        sum += at(&v, k);
        println("{} {}", k, sum);
    }
}
