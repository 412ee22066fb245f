// Digit manipulations with / and %: digit sums, digital roots, reversal, palindromes,
// Armstrong numbers and Harshad numbers.
fn digit_sum(mut n: i64) -> i64 {
    if n < 0 {
        n = -n;
    }
    let mut s = 0;
    while n > 0 {
        s += n % 10;
        n /= 10;
    }
    s
}

fn digital_root(n: i64) -> i64 {
    let mut r = n;
    while r >= 10 {
        r = digit_sum(r);
    }
    r
}

fn count_digits(n: i64) -> i64 {
    let mut c = 1;
    let mut m = n / 10;
    while m != 0 {
        c += 1;
        m /= 10;
    }
    c
}

fn reverse(mut n: i64) -> i64 {
    let mut r = 0;
    while n > 0 {
        r = r * 10 + n % 10;
        n /= 10;
    }
    r
}

fn is_palindrome(n: i64) -> bool {
    n >= 0 && reverse(n) == n
}

fn power(b: i64, e: i64) -> i64 {
    let mut r = 1;
    let mut i = 0;
    while i < e { r *= b; i += 1; }
    r
}

fn is_armstrong(n: i64) -> bool {
    let k = count_digits(n);
    let mut m = n;
    let mut s = 0;
    while m > 0 {
        s += power(m % 10, k);
        m /= 10;
    }
    s == n
}

fn main() {
    println("digit_sum(0) = {}", digit_sum(0));
    println("digit_sum(12345) = {}", digit_sum(12345));
    println("digit_sum(-987) = {}", digit_sum(-987));
    println("digit_sum(max) = {}", digit_sum(9223372036854775807));
    println("digit_sum(min + 1) = {}", digit_sum(-9223372036854775807));
    println("digital_root(987654321) = {}", digital_root(987654321));
    println("count_digits: {} {} {} {}", count_digits(0), count_digits(9), count_digits(-100), count_digits(-9223372036854775807 - 1));
    println("reverse(1200) = {}", reverse(1200));
    print("palindromes in 100..=200:");
    let mut n = 100;
    while n <= 200 {
        if is_palindrome(n) { print(" {}", n); }
        n += 1;
    }
    println();
    print("armstrong numbers below 100000:");
    let mut a = 1;
    while a < 100000 {
        if is_armstrong(a) { print(" {a}"); }
        a += 1;
    }
    println();
    let mut harshad = 0;
    let mut h = 1;
    while h <= 1000 {
        if h % digit_sum(h) == 0 { harshad += 1; }
        h += 1;
    }
    println("harshad numbers in 1..=1000: {harshad}");
    // 196 is the smallest Lychrel candidate; 89 takes 24 reverse-and-add steps
    let mut v = 89;
    let mut steps = 0;
    while !is_palindrome(v) {
        v += reverse(v);
        steps += 1;
    }
    println("89 reaches palindrome {} after {} steps", v, steps);
}
