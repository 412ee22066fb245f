// A method's `&mut` parameter needs `&mut` at the call; a `&` or a plain value will not do.
struct Acc { total: i64 }

impl Acc {
    fn absorb(&mut self, other: &mut Acc) {
        self.total += other.total;
        other.total = 0;
    }
}

fn main() {
    let mut a = Acc { total: 1 };
    let mut b = Acc { total: 2 };
    a.absorb(&b);
    a.absorb(b);
}
