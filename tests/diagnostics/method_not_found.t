// Calling a method that the type does not have.
struct Counter {
    n: i64,
}

impl Counter {
    fn increment(&mut self) { self.n += 1; }
}

fn main() {
    let mut c = Counter { n: 0 };
    c.incremnt();
    c.reset();
}
