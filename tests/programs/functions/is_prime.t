// Trial-division primality test.
fn is_prime(n: i64) -> bool {
    if n < 2 {
        return false;
    }
    if n < 4 {
        return true;
    }
    if n % 2 == 0 || n % 3 == 0 {
        return false;
    }
    let mut d = 5;
    while d * d <= n {
        if n % d == 0 || n % (d + 2) == 0 {
            return false;
        }
        d += 6;
    }
    true
}

fn main() {
    let mut n = -3;
    let mut first = true;
    while n <= 60 {
        if is_prime(n) {
            if !first { print(","); }
            print("{}", n);
            first = false;
        }
        n += 1;
    }
    println();
    println("1000003 prime? {}", is_prime(1000003));
    println("1000001 prime? {}", is_prime(1000001));
    println("2147483647 prime? {}", is_prime(2147483647));
    println("999999000001 prime? {}", is_prime(999999000001));
    println("1000000007 * 998244353 prime? {}", is_prime(998244353 * 1000000007));
}
