// Integer square roots by Newton's method, checked against binary search, over small
// values, perfect squares and their neighbours, and the top of the i64 range.
fn isqrt_newton(n: i64) -> i64 {
    if n < 0 {
        panic("isqrt of negative number {}", n);
    }
    if n < 2 {
        return n;
    }
    let mut x = n;
    let mut y = n / 2 + n % 2;
    while y < x {
        x = y;
        y = (x + n / x) / 2;
    }
    x
}

fn isqrt_bisect(n: i64) -> i64 {
    // largest r with r * r <= n; r <= 3037000499 keeps r * r in range
    let mut lo = 0;
    let mut hi = 3037000500;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if mid <= n / mid {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

fn check(n: i64) -> bool {
    let a = isqrt_newton(n);
    let b = isqrt_bisect(n);
    if a != b {
        println("MISMATCH for {}: newton {} bisect {}", n, a, b);
        return false;
    }
    true
}

fn print_fixed(scaled: i64, digits: i64) {
    // prints scaled / 10^digits with exactly `digits` decimals
    let mut p = 1;
    let mut i = 0;
    while i < digits { p *= 10; i += 1; }
    let int_part = scaled / p;
    let mut frac = scaled % p;
    print("{}.", int_part);
    let mut q = p / 10;
    while q > 0 {
        print("{}", frac / q);
        frac %= q;
        q /= 10;
    }
    println();
}

fn main() {
    let mut n = 0;
    while n <= 20 {
        print("{} ", isqrt_newton(n));
        n += 1;
    }
    println();
    let mut ok = true;
    let mut k = 1;
    while k < 2000 {
        let sq = k * k;
        ok = check(sq - 1) && check(sq) && check(sq + 1) && ok;
        k += 7;
    }
    let mut big = 9223372036854775807;
    let mut steps = 0;
    while steps < 50 {
        ok = check(big) && ok;
        big -= 123456789012345;
        steps += 1;
    }
    println("all agree: {}", ok);
    println("isqrt(max) = {}", isqrt_newton(9223372036854775807));
    println("isqrt(3037000499^2) = {}", isqrt_newton(3037000499 * 3037000499));
    println("isqrt(3037000499^2 - 1) = {}", isqrt_newton(3037000499 * 3037000499 - 1));
    print("sqrt(2) ~ ");
    print_fixed(isqrt_newton(2000000000000000000), 9);
    print("sqrt(3) ~ ");
    print_fixed(isqrt_newton(3000000000000000000), 9);
    print("sqrt(10) ~ ");
    print_fixed(isqrt_newton(100000000000000000), 8);
}
