// Copies alive while a checked operation panics: the cleanup must release each once.
class Guard { name: String, v: i64 }
impl Drop for Guard {
    fn drop(&mut self) { println("drop {}", self.name); }
}

fn risky(g: &Guard, k: i64) -> i64 { g.v * k }

fn work(g: Guard, k: i64) -> i64 {
    let c = g;
    let d = c;
    risky(&d, k) + c.v
}

fn field_work(h: Holder, k: i64) -> i64 {
    if let Some(g) = h.g {
        let x = g.v * k;
        return x + 1;
    }
    0
}

class Holder { g: Option<Guard> }

fn main() {
    let g = Guard { name: "g", v: 1 << 40 };
    let r = std::panic::catch(|| work(g, 3));
    println("ok {}", r.is_ok());
    let r2 = std::panic::catch(|| work(g, 1 << 30));
    println("second {}", r2.is_ok());
    let h = Holder { g: Some(Guard { name: "held", v: 1 << 40 }) };
    let r3 = std::panic::catch(|| field_work(h, 1 << 30));
    println("third {}", r3.is_ok());
    let r4 = std::panic::catch(|| field_work(h, 2));
    println("fourth {}", r4.is_ok());
    println("end");
}
