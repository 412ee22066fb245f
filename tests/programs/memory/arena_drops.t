// Values in an Arena that need dropping (classes with Drop, Strings, Vecs, structs and
// enums holding them) are dropped exactly once: when replaced, at `reset`, or when the
// last copy of the arena goes — in allocation order. Plain values cost no drop record.
use std::mem::{Arena, ArenaRef};

class Log { lines: Vec<String> }
class Noisy { name: String, log: Log }

impl Drop for Noisy {
    fn drop(&mut self) { self.log.lines.push(self.name); }
}

struct Holder { first: Noisy, tag: String }
enum Slot { Empty, Full(Noisy) }

fn noisy(name: String, log: Log) -> Noisy { Noisy { name, log } }

fn show(log: Log, when: String) {
    println("{}: {:?}", when, log.lines);
    log.lines.clear();
}

fn main() {
    let log = Log { lines: Vec::new() };
    {
        let mut arena = Arena::new();
        let a = arena.alloc(noisy("a", log));
        let h = arena.alloc(Holder { first: noisy("b", log), tag: "t".to_string() });
        let e = arena.alloc(Slot::Full(noisy("c", log)));
        let n = arena.alloc(12i64);
        arena.alloc(noisy("d", log));
        show(log, "after allocating");
        arena[a] = noisy("a2", log);
        show(log, "after replacing a");
        arena[e] = Slot::Empty;
        show(log, "after emptying the slot");
        // A copy keeps the arena alive.
        let keep = arena;
        arena = Arena::new();
        arena.alloc(noisy("x", log));
        show(log, "after replacing the variable");
        println("{} values in the kept arena", keep.len());
    }
    show(log, "after the scope");

    let mut arena = Arena::new();
    for i in 0..3 { arena.alloc(noisy(format("r{}", i), log)); }
    arena.reset();
    show(log, "after reset");
    let k = arena.alloc(noisy("s", log));
    println("{} value, {} chunk", arena.len(), arena.chunk_count());
    arena = Arena::new();
    show(log, "after dropping the reset arena");

    // Handles into the arena stored in arena values do not keep it alive: no cycle.
    {
        let tree = Arena::new();
        let leaf = tree.alloc(noisy("leaf", log));
        let parent = tree.alloc((noisy("parent", log), leaf));
        let list: ArenaRef<Vec<ArenaRef<Noisy>>> = tree.alloc(Vec::new());
        let mut t = tree;
        t[list].push(leaf);
        t[list].push(t[parent].1);
    }
    show(log, "tree gone");
}
