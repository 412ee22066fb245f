// A panic while a later part of something is being evaluated — a call's next argument, a
// struct's or object's next field, a tuple's next element, a method's argument after its
// receiver, the right operand of `+` — drops the parts already evaluated, last first, as
// it unwinds (they used to leak). Nothing is dropped twice: once the call or the literal
// takes the parts, they are its. A temporary lent by address is dropped by the unwinding too.
class Noisy { name: String }
impl Drop for Noisy {
    fn drop(&mut self) { println("drop {}", self.name); }
}

fn noisy(name: String) -> Noisy { Noisy { name: name } }

fn boom(n: i64) -> i64 {
    if n > 0 { panic("boom {}", n); }
    n
}

fn two(a: Noisy, b: Noisy, n: i64) -> i64 { n }

fn peek(a: &Noisy, n: i64) -> i64 { n }

struct Pair { a: Noisy, b: Noisy, n: i64 }
class Holder { a: Noisy, n: i64 }

impl Noisy {
    fn with(self, other: Noisy, n: i64) -> i64 { n }
    fn look(&self, n: i64) -> i64 { n }
}

fn main() {
    let one = std::env::arg_count();
    println("caught {}", std::panic::catch(|| two(noisy("arg 1"), noisy("arg 2"), boom(one))).is_err());
    println("caught {}", std::panic::catch(|| { let p = Pair { a: noisy("field a"), b: noisy("field b"), n: boom(one) }; p.n }).is_err());
    println("caught {}", std::panic::catch(|| { let h = Holder { a: noisy("object field"), n: boom(one) }; h.n }).is_err());
    println("caught {}", std::panic::catch(|| { let t = (noisy("element 0"), boom(one)); t.1 }).is_err());
    println("caught {}", std::panic::catch(|| noisy("receiver").with(noisy("argument"), boom(one))).is_err());
    println("caught {}", std::panic::catch(|| {
        let s = format("left {}", one) + format("right {}", boom(one));
        s.len() as i64
    }).is_err());
    // A temporary lent by address (`&make()`, a temporary `&self` receiver) is dropped at
    // the end of its expression, or by the unwinding.
    println("caught {}", std::panic::catch(|| peek(&noisy("lent"), boom(one))).is_err());
    println("caught {}", std::panic::catch(|| noisy("lent receiver").look(boom(one))).is_err());
    println("lent {}", peek(&noisy("lent, no panic"), 1 - one));
    // No panic: each part is dropped once, by its owner.
    println("sum {}", two(noisy("x"), noisy("y"), 1 - one));
}
