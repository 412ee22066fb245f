// Mutually recursive functions; a function may be called before its definition.
fn main() {
    let mut i = 0;
    while i <= 6 {
        println("{}: even={} odd={}", i, is_even(i), is_odd(i));
        i += 1;
    }
    println("is_even(1001) = {}", is_even(1001));
    println("hofstadter F: {} {} {} {} {} {} {} {} {} {}", f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9));
    println("hofstadter M: {} {} {} {} {} {} {} {} {} {}", m(0), m(1), m(2), m(3), m(4), m(5), m(6), m(7), m(8), m(9));
}

fn is_even(n: i64) -> bool {
    if n == 0 { true } else { is_odd(n - 1) }
}

fn is_odd(n: i64) -> bool {
    if n == 0 { false } else { is_even(n - 1) }
}

// Hofstadter female and male sequences.
fn f(n: i64) -> i64 {
    if n == 0 { 1 } else { n - m(f(n - 1)) }
}

fn m(n: i64) -> i64 {
    if n == 0 { 0 } else { n - f(m(n - 1)) }
}
