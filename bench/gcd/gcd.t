// gcd: the sum of gcd(i, j) over the grid [1, n]^2 by Euclid's algorithm. Dominated by
// 64-bit integer division (the `%`), which T checks for a zero divisor and for
// i64::MIN % -1; the C version does the same divisions unchecked.
// @N@ is substituted by bench/run; the argument count keeps it opaque to the optimiser.

fn gcd(a: i64, b: i64) -> i64 {
    let mut x = a;
    let mut y = b;
    while y != 0 {
        let r = x % y;
        x = y;
        y = r;
    }
    x
}

fn main() {
    let n = @N@ + std::env::arg_count() - 1;
    let mut sum = 0;
    let mut i = 1;
    while i <= n {
        let mut j = 1;
        while j <= n {
            sum += gcd(i, j);
            j += 1;
        }
        i += 1;
    }
    println("gcd({}) = {}", n, sum);
}
