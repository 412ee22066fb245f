// Integer exponentiation: naive, by squaring (recursive), and modular.
fn pow_naive(base: i64, exp: i64) -> i64 {
    let mut r = 1;
    let mut i = 0;
    while i < exp {
        r *= base;
        i += 1;
    }
    r
}

fn pow_fast(base: i64, exp: i64) -> i64 {
    if exp == 0 {
        1
    } else if exp % 2 == 0 {
        let h = pow_fast(base, exp / 2);
        h * h
    } else {
        base * pow_fast(base, exp - 1)
    }
}

fn pow_mod(mut base: i64, mut exp: i64, m: i64) -> i64 {
    let mut result = 1;
    base %= m;
    while exp > 0 {
        if exp % 2 == 1 {
            result = result * base % m;
        }
        base = base * base % m;
        exp /= 2;
    }
    result
}

fn main() {
    println("2^10 = {} {}", pow_naive(2, 10), pow_fast(2, 10));
    println("3^13 = {} {}", pow_naive(3, 13), pow_fast(3, 13));
    println("(-2)^63 = {}", pow_fast(-2, 63));
    println("(-3)^5 = {}", pow_naive(-3, 5));
    println("7^0 = {}", pow_fast(7, 0));
    println("10^18 = {}", pow_fast(10, 18));
    println("2^62 = {}", pow_fast(2, 62));
    println("3^200 mod 1000000007 = {}", pow_mod(3, 200, 1000000007));
    println("2^1000000 mod 999983 = {}", pow_mod(2, 1000000, 999983));
    println("5^117 mod 19 = {}", pow_mod(5, 117, 19));
}
