// Frame objects (stack-objects pass) and panics, counts and uniqueness: a panic while one is
// alive drops it on the way out (the cleanup pad's release), a drop that panics is caught,
// and std::rc::is_unique sees the counts of a frame object as of a heap one.
class Guard { id: i64, v: i64 }

impl Drop for Guard {
    fn drop(&mut self) { println("  drop guard {}", self.id); }
}

class Bomb { id: i64 }

impl Drop for Bomb {
    fn drop(&mut self) {
        println("  drop bomb {}", self.id);
        if self.id == 2 { panic("bomb {} went off", self.id); }
    }
}

fn allocations() -> u64 { std::mem::stats().allocations }

fn rounds(limit: i64) -> i64 {
    let mut total = 0;
    for i in 0..4 {
        let g = Guard { id: i, v: 1 << 61 };
        let k = if i == limit { 4 } else { 1 };
        total += g.v * k / (1 << 40);        // overflows in round `limit`
    }
    total
}

fn bombs() {
    for i in 0..4 {
        let b = Bomb { id: i };
        println("  made bomb {}", b.id);
    }
}

fn uniqueness() {
    for i in 0..2 {
        let g = Guard { id: 100 + i, v: 0 };
        println("  unique alone: {}", std::rc::is_unique(&g));
        let h = g;
        println("  unique with a copy: {}", std::rc::is_unique(&g));
        println("  same object: {}", h.id == g.id);
    }
}

fn main() {
    println("no panic:");
    let before = allocations();
    let r = std::panic::catch(|| rounds(10));
    println("  ok {}, heap allocations {}", r.is_ok(), allocations() - before);
    println("overflow in round 2:");
    let r = std::panic::catch(|| rounds(2));
    println("  ok {}", r.is_ok());
    println("a drop that panics:");
    let r = std::panic::catch(|| bombs());
    println("  ok {}", r.is_ok());
    println("uniqueness:");
    let before = allocations();
    uniqueness();
    println("  heap allocations {}", allocations() - before);
}
