// Recursive and iterative Fibonacci agree.
fn fib_rec(n: i64) -> i64 {
    if n < 2 {
        return n;
    }
    fib_rec(n - 1) + fib_rec(n - 2)
}

fn fib_iter(n: i64) -> i64 {
    let mut a = 0;
    let mut b = 1;
    let mut i = 0;
    while i < n {
        let t = a + b;
        a = b;
        b = t;
        i += 1;
    }
    a
}

fn main() {
    let mut n = 0;
    while n <= 25 {
        let r = fib_rec(n);
        if r != fib_iter(n) {
            println("mismatch at {}", n);
        }
        if n % 5 == 0 {
            println("fib({n}) = {r}");
        }
        n += 1;
    }
    println("fib(91) = {}", fib_iter(91));
}
