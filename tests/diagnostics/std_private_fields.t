// The standard library's private fields are its own: a handle or a key cannot be made
// up, and a collection's buffer cannot be reached.
use std::mem::{Arena, ArenaRef, PoolKey};

fn main() {
    let arena = Arena::new();
    let r = arena.alloc(1i64);
    let fake: ArenaRef<String> = ArenaRef { arena: 0, ptr: std::ptr::null() };
    let k = PoolKey { index: 0, generation: 1 };
    println("{}", k.index);
    let mut v: Vec<i64> = Vec::new();
    v.buf.len = 10;
}
