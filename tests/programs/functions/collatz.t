// Collatz sequences: lengths and the longest start below a bound.
fn next(n: i64) -> i64 {
    if n % 2 == 0 { n / 2 } else { 3 * n + 1 }
}

fn steps(n: i64) -> i64 {
    if n == 1 { 0 } else { 1 + steps(next(n)) }
}

fn main() {
    let mut n = 27;
    let mut line = 0;
    while n != 1 {
        print("{} ", n);
        line += 1;
        if line == 16 {
            println();
            line = 0;
        }
        n = next(n);
    }
    println("1");
    println("steps(27) = {}", steps(27));
    let mut best = 1;
    let mut best_steps = 0;
    let mut i = 1;
    while i < 10000 {
        let s = steps(i);
        if s > best_steps {
            best = i;
            best_steps = s;
        }
        i += 1;
    }
    println("longest below 10000: {} with {} steps", best, best_steps);
}
