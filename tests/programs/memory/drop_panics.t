// A `Drop` that panics: the panic unwinds from the release like any other, and the
// values the function still owns are dropped on the way out, each once.
class Bomb { armed: bool, name: String }

impl Drop for Bomb {
    fn drop(&mut self) {
        println("drop {}", self.name);
        if self.armed { panic("{} went off", self.name); }
    }
}

fn f() -> i64 {
    let first = Bomb { armed: false, name: "first" };
    let b = Bomb { armed: true, name: "bomb" };
    let last = Bomb { armed: false, name: "last" };
    3
}

fn main() {
    let r = std::panic::catch(|| f());
    match r {
        Ok(v) => println("ok {}", v),
        Err(p) => println("caught: {}", p.message()),
    }
}
