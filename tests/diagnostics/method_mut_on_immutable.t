// A `&mut self` method needs a mutable receiver; a `&self` method cannot assign.
struct Counter {
    n: i64,
}

impl Counter {
    fn increment(&mut self) { self.n += 1; }
    fn broken(&self) { self.n = 0; }
}

fn main() {
    let c = Counter { n: 0 };
    c.increment();
    c.broken();
}
