// A complete binary tree of 2^20 - 1 nodes in an Arena: build, sum, drop.
use std::mem::{Arena, ArenaRef};
struct Node { value: i64, left: Option<ArenaRef<Node>>, right: Option<ArenaRef<Node>> }
fn build(arena: &Arena, depth: i64, v: i64) -> ArenaRef<Node> {
    if depth == 0 { return arena.alloc(Node { value: v, left: None, right: None }); }
    let l = build(&arena, depth - 1, 2 * v);
    let r = build(&arena, depth - 1, 2 * v + 1);
    arena.alloc(Node { value: v, left: Some(l), right: Some(r) })
}
fn sum(arena: &Arena, n: ArenaRef<Node>) -> i64 {
    let node = arena[n];
    let mut s = node.value;
    if let Some(l) = node.left { s += sum(&arena, l); }
    if let Some(r) = node.right { s += sum(&arena, r); }
    s
}
fn main() {
    let before = std::mem::stats();
    let mut total = 0;
    for round in 0..5 {
        let arena = Arena::new();
        let root = build(&arena, 19, 1);
        total += sum(&arena, root);
    }
    let after = std::mem::stats();
    println("{} {} allocations", total, after.allocations - before.allocations);
}
