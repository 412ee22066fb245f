fn apply<F: Fn(i64) -> i64>(f: F, x: i64) -> i64 {
    f(x)
}

fn twice<F: Fn(i64) -> i64>(f: F, x: i64) -> i64 {
    f(f(x))
}

fn call_ptr(f: fn(i64) -> i64, x: i64) -> i64 {
    f(x)
}

fn double(x: i64) -> i64 { x * 2 }

fn compose<A, B, C, F: Fn(A) -> B, G: Fn(B) -> C>(f: F, g: G, x: A) -> C {
    g(f(x))
}

fn main() {
    let n = 10;
    let add_n = |x| x + n;
    println("{}", add_n(5));
    println("{}", apply(add_n, 1));
    println("{}", apply(|x| x * x, 7));
    println("{}", twice(|x| x + 3, 1));
    println("{}", call_ptr(double, 21));
    println("{}", call_ptr(|x| x - 1, 21));
    let f: fn(i64) -> i64 = double;
    println("{}", f(4));
    let g = |a: i64, b: i64| -> i64 { a * 10 + b };
    println("{}", g(4, 2));
    println("{}", compose(|x: i64| x + 1, |y: i64| y > 5, 5));
    let pairs = |(a, b): (i64, i64)| a * b;
    println("{}", pairs((6, 7)));
    let name = "world";
    let greet = || println("hello {name}");
    greet();
    let k = 3;
    let outer = |x: i64| {
        let inner = |y: i64| y * k;
        inner(x) + k
    };
    println("{}", outer(5));
    println("{}", apply(double, 8));
    after();
}

// A closure stored in a generic struct, called through a field.
struct Counter<F> {
    step: F,
    value: i64,
}

impl<F: Fn(i64) -> i64> Counter<F> {
    fn advance(&mut self) {
        self.value = (self.step)(self.value);
    }
}

// Closures inside a generic function: one body per instance.
fn scale_all<T: Copy + Mul<Output = T>>(xs: [T; 3], k: T) -> [T; 3] {
    let times = |x: T| x * k;
    [times(xs[0]), times(xs[1]), times(xs[2])]
}

fn pick(first: bool) -> fn(i64) -> i64 {
    if first { double } else { |x| x + 100 }
}

fn identity<T>(x: T) -> T { x }

fn run_all(fs: [fn(i64) -> i64; 3], x: i64) -> i64 {
    let mut total = 0;
    for f in fs {
        total += f(x);
    }
    total
}

fn never_called_closure() {
    let _unused = |x: i64| x;
}

fn after() {
    let mut c = Counter { step: |v| v * 3 + 1, value: 1 };
    c.advance();
    c.advance();
    println("counter {}", c.value);
    println("{:?}", scale_all([1, 2, 3], 10));
    println("{:?}", scale_all([0.5, 1.5, 2.5], 2.0));
    println("{} {}", pick(true)(5), pick(false)(5));
    let id: fn(bool) -> bool = identity;
    println("{}", id(true));
    println("{}", run_all([double, |x| x * x, identity], 6));
    let unit_result = |x: i64| { println("side effect {x}"); };
    unit_result(9);
    never_called_closure();
}
