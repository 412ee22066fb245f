// Objects that provably stay in their function live in its frame (the stack-objects pass):
// no heap allocation, and their drops still run at the last release, in order. Objects
// that escape — stored into another object, returned, kept in a Vec, made Weak — still
// come from the heap. Under T_LEAK_CHECK=1 nothing may be left over either way.
class Point { x: i64, y: i64 }

impl Point {
    fn sum(&self) -> i64 { self.x + self.y }
}

class Noisy { id: i64 }

impl Drop for Noisy {
    fn drop(&mut self) { println("  drop {}", self.id); }
}

class Holder { inner: Noisy }

fn allocations() -> u64 { std::mem::stats().allocations }

fn make(id: i64) -> Noisy { Noisy { id } }

fn main() {
    println("temporaries in a loop:");
    let before = allocations();
    let mut total = 0;
    for i in 0..1000 {
        let p = Point { x: i, y: 2 * i };
        let q = p;                       // a second reference to the same object
        total += p.sum() + q.x;
    }
    println("  total {}, heap allocations {}", total, allocations() - before);

    println("drops at the last release:");
    let before = allocations();
    for i in 0..3 {
        let n = Noisy { id: i };
        println("  made {}", n.id);
        if i == 1 {
            println("  skipping the rest of round {}", i);
            continue;
        }
        println("  end of round {}", i);
    }
    println("  heap allocations {}", allocations() - before);

    println("escaping objects still allocate:");
    let before = allocations();
    let h = Holder { inner: Noisy { id: 10 } };  // stored into another object
    let r = make(11);                            // returned from a function
    let mut kept: Vec<Point> = Vec::new();
    for i in 0..3 {
        kept.push(Point { x: i, y: i });         // kept in a Vec
    }
    let w = Noisy { id: 12 };
    let weak = Weak::from(w);                    // a weak reference
    println("  ids {} {} {}, kept {}, heap allocations > 5: {}", h.inner.id, r.id, weak.upgrade().unwrap().id, kept.len(),
        allocations() - before > 5);
    println("end of main");
}
