// Counts primes without a sieve (no arrays yet): trial division by odd numbers,
// twin primes, the largest gap below a bound, and Goldbach decompositions.
fn is_prime(n: i64) -> bool {
    if n < 2 { return false; }
    if n % 2 == 0 { return n == 2; }
    let mut d = 3;
    while d * d <= n {
        if n % d == 0 { return false; }
        d += 2;
    }
    true
}

fn pi(limit: i64) -> i64 {
    // number of primes <= limit
    let mut count = 0;
    let mut n = 2;
    while n <= limit {
        if is_prime(n) { count += 1; }
        n += 1;
    }
    count
}

fn twin_primes_below(limit: i64) -> i64 {
    let mut count = 0;
    let mut p = 3;
    while p + 2 < limit {
        if is_prime(p) && is_prime(p + 2) {
            count += 1;
        }
        p += 2;
    }
    count
}

fn report_largest_gap(limit: i64) {
    let mut prev = 2;
    let mut best_gap = 0;
    let mut best_start = 0;
    let mut n = 3;
    while n < limit {
        if is_prime(n) {
            let gap = n - prev;
            if gap > best_gap {
                best_gap = gap;
                best_start = prev;
            }
            prev = n;
        }
        n += 2;
    }
    println("largest gap below {limit}: {best_gap} after {best_start}");
}

fn goldbach(n: i64) -> i64 {
    // smallest prime p with n - p also prime; 0 if none
    let mut p = 2;
    while p <= n / 2 {
        if is_prime(p) && is_prime(n - p) {
            return p;
        }
        p += 1;
    }
    0
}

fn nth_prime(n: i64) -> i64 {
    let mut found = 0;
    let mut candidate = 1;
    loop {
        candidate += 1;
        if is_prime(candidate) {
            found += 1;
            if found == n {
                break candidate;
            }
        }
    }
}

fn main() {
    let mut limit = 10;
    while limit <= 100000 {
        println("pi({}) = {}", limit, pi(limit));
        limit *= 10;
    }
    println("twin primes below 1000: {}", twin_primes_below(1000));
    report_largest_gap(1000);
    report_largest_gap(30000);
    let mut even = 4;
    while even <= 40 {
        let p = goldbach(even);
        println("{} = {} + {}", even, p, even - p);
        even += 6;
    }
    println("goldbach(1000000) starts with {}", goldbach(1000000));
    println("the 1000th prime is {}", nth_prime(1000));
    println("is 2^31 - 1 prime? {}", is_prime(2147483647));
    println("is 2^32 + 1 prime? {}", is_prime(4294967297));
}
