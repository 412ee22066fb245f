// A `&mut self` receiver is a borrow too: the same variable cannot also be an argument.
struct Counter { n: i64 }

impl Counter {
    fn add_from(&mut self, other: &mut Counter) {
        self.n += other.n;
    }
    fn add_copy(&mut self, other: &Counter) {
        self.n += other.n;
    }
}

fn main() {
    let mut v = Counter { n: 1 };
    v.add_from(&mut v);
    v.add_copy(&v);
}
