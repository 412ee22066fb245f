// loop: a nested-loop integer kernel. For every (i, j) in [0, n)^2 it folds (i*j) % 7
// into a running checksum modulo a prime. The checksum is a serial dependency chain
// (no vectorisation, in T or in C) and every +, * and % is overflow-checked in T.
// @N@ is substituted by bench/run; the argument count keeps it opaque to the optimiser.

fn main() {
    let n = @N@ + std::env::arg_count() - 1;
    let mut sum = 0;
    let mut i = 0;
    while i < n {
        let mut j = 0;
        while j < n {
            sum = (sum * 31 + (i * j) % 7) % 1000000007;
            j += 1;
        }
        i += 1;
    }
    println("loop({}) = {}", n, sum);
}
