// The first T program: prints a greeting, does some arithmetic, reads its arguments.

fn fib(n: i64) -> i64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn main() {
    println("Hello from T!");
    let n = 20;
    println("fib({}) = {}", n, fib(n));
    let count = std::env::arg_count() - 1;
    if count > 0 {
        println("you gave me {count} argument(s); the first is {}", std::env::arg(1));
    }
}
