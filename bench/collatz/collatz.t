// collatz: total Collatz steps for every start value in [1, limit). A data-dependent
// branch per step, a 3n+1 (checked multiply and add) on odd values, halving on even
// ones. Start values below 1e6 reach at most about 5.7e10, well inside i64.
// @N@ is substituted by bench/run; the argument count keeps it opaque to the optimiser.

fn steps(start: i64) -> i64 {
    let mut x = start;
    let mut count = 0;
    while x != 1 {
        if x % 2 == 0 { x = x / 2; } else { x = 3 * x + 1; }
        count += 1;
    }
    count
}

fn main() {
    let limit = @N@ + std::env::arg_count() - 1;
    let mut total = 0;
    let mut longest = 0;
    let mut longest_at = 0;
    let mut s = 1;
    while s < limit {
        let k = steps(s);
        total += k;
        if k > longest { longest = k; longest_at = s; }
        s += 1;
    }
    println("collatz({}) total = {}, longest = {} at {}", limit, total, longest, longest_at);
}
