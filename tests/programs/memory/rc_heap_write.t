// A copy taken from a field must survive a call that overwrites the field.
class Noisy { id: i64 }
impl Drop for Noisy {
    fn drop(&mut self) { println("drop {}", self.id); }
}
class Holder { n: Option<Noisy>, m: Noisy }

impl Holder {
    fn clear(&self) { self.n = None; }
    fn swap_m(&self, id: i64) { self.m = Noisy { id }; }
    fn peek(&self) -> i64 {
        if let Some(n) = self.n {
            self.clear();
            println("after clear, still have {}", n.id);
            return n.id;
        }
        0
    }
    fn peek_m(&self) -> i64 {
        let m = self.m;
        self.swap_m(99);
        println("old m {}", m.id);
        m.id
    }
}

fn by_value(h: Holder) -> i64 {
    let a = h.m;
    h.swap_m(7);
    a.id + h.m.id
}

fn main() {
    let h = Holder { n: Some(Noisy { id: 1 }), m: Noisy { id: 2 } };
    println("peek {}", h.peek());
    println("peek again {}", h.peek());
    println("peek_m {}", h.peek_m());
    println("by_value {}", by_value(h));
    println("end");
}
