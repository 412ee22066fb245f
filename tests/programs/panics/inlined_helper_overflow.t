// exit: 101
// stderr: panicked at programs/panics/inlined_helper_overflow.t:9:5: attempt to multiply with overflow
// A small checked helper — the kind the inliner copies into its caller's loop — keeps
// its own line and column in the panic message once inlined.
fn entry(i: i64, j: i64) -> i64 {
    // The same shape as spectral-norm's matrix entry; with s near 2^32 the product
    // overflows i64.
    let s = i + j;
    s * (s + 1) / 2 + i + 1
}

fn main() {
    let mut total = 0;
    let mut step = 1;
    let mut i = 0;
    while i < 10000000000 {
        let e = entry(i, 1);
        total = total % 1000003 + e % 1000003;
        println("{} {}", i, total);
        i += step;
        step *= 4;
    }
}
