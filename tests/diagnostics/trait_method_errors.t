trait A { fn go(&self) -> i64; }
trait B { fn go(&self) -> i64; }
struct S;
impl A for S { fn go(&self) -> i64 { 1 } }
impl B for S { fn go(&self) -> i64 { 2 } }

trait Counter { type Item; fn next_item(&mut self) -> Option<Self::Item>; }
struct C { n: i64 }
impl Counter for C {
    type Item = i64;
    fn next_item(&mut self) -> Option<i64> { None }
}

fn want_bool<X: Counter<Item = bool>>(c: X) {}
fn missing<X: Counter<Size = i64>>(c: X) {}
fn project<T: Counter>(t: T) -> T::Length { 0 }

fn add_them<T>(a: T, b: T) -> T { a + b }

struct P { x: i64 }

fn main() {
    let s = S;
    s.go();
    want_bool(C { n: 1 });
    let p = P { x: 1 } + P { x: 2 };
    let q = -P { x: 1 };
}
