// fib: naive doubly recursive Fibonacci. Measures call/return overhead and the
// overflow-checked add on the way back up; nothing to vectorise, nothing to cache.
// @N@ is substituted by bench/run. The argument count is folded into n so that no
// compiler can evaluate the whole program at compile time (run with no arguments).

fn fib(n: i64) -> i64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn main() {
    let n = @N@ + std::env::arg_count() - 1;
    println("fib({}) = {}", n, fib(n));
}
