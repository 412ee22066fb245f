// Closures: captured variables are read-only copies; capturing closures are not `fn` values.
fn call_ptr(f: fn(i64) -> i64, x: i64) -> i64 { f(x) }

fn apply<F: Fn(i64) -> i64>(f: F) -> i64 { f(1) }

fn not_callable<T>(x: T) -> T { x(1) }

fn main() {
    let mut count = 0;
    let bump = |x: i64| { count += x; count };
    let n = 5;
    println("{}", call_ptr(|x| x + n, 1));
    let v = 3;
    println("{}", v(2));
    let bad = |x: i64| -> bool { x + 1 };
    for i in 0..3 {
        let f = || { break; };
    }
    println("{}", apply(|a, b| a + b));
    println("{}", apply(|x: bool| x));
    let m = Point::norm;
}

struct Point { x: i64 }
impl Point { fn norm(&self) -> i64 { self.x } }
