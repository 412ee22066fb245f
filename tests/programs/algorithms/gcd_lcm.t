// Euclid's gcd (iterative and recursive), lcm of ranges, and the extended algorithm.
fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

fn gcd_rec(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd_rec(b, a % b) }
}

fn lcm(a: u64, b: u64) -> u64 {
    a / gcd(a, b) * b
}

// Returns (g, x, y) with a*x + b*y = g.
fn ext_gcd(a: i64, b: i64) -> (i64, i64, i64) {
    if b == 0 {
        return (a, 1, 0);
    }
    let (g, x, y) = ext_gcd(b, a % b);
    (g, y, x - (a / b) * y)
}

fn main() {
    println("{} {} {} {}", gcd(48, 18), gcd(17, 5), gcd(0, 9), gcd(1071, 462));
    println("{} {} {}", gcd_rec(-48, 18), gcd_rec(48, -18), gcd_rec(-7, 0));
    let mut l: u64 = 1;
    for k in 1..=20 {
        l = lcm(l, k);
        if k % 5 == 0 { println("lcm(1..={}) = {}", k, l); }
    }
    for pair in [(240, 46), (17, 3), (35, 15), (1, 1)] {
        let (a, b) = pair;
        let (g, x, y) = ext_gcd(a, b);
        println("{}*{} + {}*{} = {} (check {})", a, x, b, y, g, a * x + b * y == g);
    }
    // modular inverse of 7 mod 40
    let (_, inv, _) = ext_gcd(7, 40);
    println("inverse of 7 mod 40 = {}", ((inv % 40) + 40) % 40);
}
