// Euclid's algorithm, recursive and iterative, and lcm built on it.
fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

fn gcd_iter(mut a: i64, mut b: i64) -> i64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

fn lcm(a: i64, b: i64) -> i64 {
    a / gcd(a, b) * b
}

fn main() {
    println("gcd(48, 18) = {}", gcd(48, 18));
    println("gcd(17, 5) = {}", gcd(17, 5));
    println("gcd(0, 9) = {}", gcd(0, 9));
    println("gcd(1071, 462) = {}", gcd_iter(1071, 462));
    println("gcd(2^40, 6^20) = {}", gcd_iter(1099511627776, 3656158440062976));
    println("lcm(4, 6) = {}", lcm(4, 6));
    println("lcm(21, 6) = {}", lcm(21, 6));
    let mut l = 1;
    let mut k = 1;
    while k <= 20 {
        l = lcm(l, k);
        k += 1;
    }
    println("lcm(1..=20) = {}", l);
}
