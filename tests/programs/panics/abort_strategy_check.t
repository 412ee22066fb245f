// flags: --panic=abort
// exit: 134
// stderr: panicked at programs/panics/abort_strategy_check.t:7:5: index out of bounds: the len is 3 but the index is 4
// Under --panic=abort the run-time checks abort too (the entry points are the runtime's
// *_abort ones).
fn get(a: [i64; 3], i: i64) -> i64 {
    a[i]
}

fn main() {
    let n = std::env::arg_count() as i64;
    println("{}", get([1, 2, 3], n));
    println("{}", get([1, 2, 3], n + 3));
}
