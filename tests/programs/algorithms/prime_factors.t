// Prime factorization by trial division, printed as p^k products, plus divisor counts.
fn factor(mut n: u64) {
    print("{} =", n);
    if n < 2 {
        println(" {}", n);
        return;
    }
    let mut first = true;
    let mut p: u64 = 2;
    let mut divisors: u64 = 1;
    while p * p <= n {
        let mut k = 0;
        while n % p == 0 {
            n /= p;
            k += 1;
        }
        if k > 0 {
            print("{}{}", if first { " " } else { " * " }, p);
            if k > 1 { print("^{}", k); }
            first = false;
            divisors *= k + 1;
        }
        p += if p == 2 { 1 } else { 2 };
    }
    if n > 1 {
        print("{}{}", if first { " " } else { " * " }, n);
        divisors *= 2;
    }
    println("  ({} divisors)", divisors);
}

fn main() {
    for n in [1u64, 2, 12, 97, 360, 1001, 65536, 999_999, 600_851_475_143, 9_007_199_254_740_993] {
        factor(n);
    }
}
