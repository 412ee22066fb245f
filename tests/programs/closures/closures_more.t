// Closures stored in generic structs, nested three deep, over a generic custom iterator,
// capture-free closures in an array (they become fn values), sums of sums.
struct Wrapper<F> { f: F }
fn make<F: Fn(i64) -> i64>(f: F) -> Wrapper<F> { Wrapper { f: f } }
const K: i64 = 3;
struct Counter<T> { items: [T; 3], i: usize }
impl<T: Copy> Iterator for Counter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> { if self.i < 3 { let v = self.items[self.i]; self.i += 1; Some(v) } else { None } }
}
fn main() {
    let a = 1;
    let w = make(|x| x + a + K);
    println("{}", (w.f)(1));
    let f1 = |x: i64| { let g = |y: i64| { let h = |z: i64| z + x + y + a; h(1) }; g(2) };
    println("{}", f1(3));
    let c = Counter { items: ['a', 'b', 'c'], i: 0 };
    for ch in c.map(|c| c as u32) { print("{ch} "); }
    println("");
    let fs = [|x: i64| x + 1, |x: i64| x + 2];
    println("{}", fs[1](fs[0](1)));
    let s = (0..3).map(|i| (0..i).sum::<i64>()).fold(0, |a, b| a + b);
    println("{s}");
}
