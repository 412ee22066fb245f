// When a value moves at its last use, its new owner drops it: a `Drop` in an aggregate runs
// when the function given the value ends, not at the end of the caller's scope. A class
// variable itself keeps its object until its scope ends.
class Noisy { name: String }

impl Drop for Noisy {
    fn drop(&mut self) { println("drop {}", self.name); }
}

struct Pair { left: Noisy, right: Noisy }

fn consume(o: Option<Noisy>) { println("consume {}", o.is_some()); }

fn consume_pair(p: Pair) { println("pair {} {}", p.left.name, p.right.name); }

fn take(n: Noisy) -> String { n.name }

fn boom(p: Pair, fail: bool) -> i64 {
    if fail { panic("boom with {}", p.left.name); }
    1
}

fn main() {
    let o = Some(Noisy { name: "opt" });
    consume(o);                        // o's last use: dropped as consume returns
    println("after consume");

    let p = Pair { left: Noisy { name: "l" }, right: Noisy { name: "r" } };
    consume_pair(p);
    println("after pair");

    let c = Noisy { name: "class" };
    println("took {}", take(c));       // a class variable: its object lives to the end
    println("after take");

    // A drop flag: moved explicitly on one path, at its last use on the other.
    let q = Some(Noisy { name: "flagged" });
    let explicit = c.name.len() > 10;
    if explicit {
        consume(move q);
    } else {
        let r = q;                     // q's last use: r owns it now
        println("r {}", r.is_some());
    }
    println("after flag");

    // Unwinding after a move: the value is dropped once, by the callee's cleanup.
    let u = Pair { left: Noisy { name: "ul" }, right: Noisy { name: "ur" } };
    let caught = std::panic::catch(|| boom(u, true));
    println("caught {}", caught.is_err());

    // A loop: the value is read again on the next iteration, so each call gets a copy.
    let shared = Some(Noisy { name: "shared" });
    let mut i = 0;
    while i < 2 {
        consume(shared);
        i += 1;
    }
    println("end");
}
