// Panics inside closures inside generic code, caught by generic code and by callers of
// generic code: through Fn bounds, iterator adapters, fn values and a trait method.
fn guarded<T, F: Fn() -> T>(f: F, fallback: T) -> T {
    match std::panic::catch(f) {
        Ok(v) => v,
        Err(p) => {
            println("guarded: {}", p);
            fallback
        }
    }
}

fn apply<F: Fn(i64) -> i64>(f: F, x: i64) -> i64 { f(x) }

trait Shape { fn area(&self) -> i64; }
struct Square { side: i64 }
impl Shape for Square {
    fn area(&self) -> i64 {
        if self.side < 0 { panic("negative side {}", self.side); }
        self.side * self.side
    }
}

fn total_area<S: Shape>(shapes: [S; 3]) -> i64 {
    let mut sum = 0;
    for s in shapes { sum += s.area(); }
    sum
}

fn risky(x: i64) -> i64 { 100 / x }

fn main() {
    let n = std::env::arg_count() as i64; // 1
    println("{}", guarded(|| apply(|x| x * 2, 21), -1));
    println("{}", guarded(|| apply(|x| 10 / (x - n), n), -1));
    println("{}", guarded(|| (0..10).map(|x| 50 / (x - 5 * n)).sum::<i64>(), -2));
    println("{}", guarded(|| (0..5).filter(|x| x % 2 == 0).map(|x| x * 3).sum::<i64>(), -3));
    let f: fn(i64) -> i64 = risky;
    println("{}", guarded(|| f(n - 1), -4));
    println("{}", guarded(|| total_area([Square { side: 2 }, Square { side: -n }, Square { side: 3 }]), -5));
    println("{}", guarded(|| total_area([Square { side: 2 }, Square { side: n }, Square { side: 3 }]), -5));
    // A catch directly around a fn value.
    let g: fn() -> i64 = || 1 / 0;
    println("{}", std::panic::catch(g).is_err());
    println("{}", guarded(|| true, false));
}
