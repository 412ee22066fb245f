// std::mem::Arena: bump allocation of values of any type; ArenaRef handles; reads are
// copies, places change values where they are; the allocation is a bump (few blocks).
use std::mem::{Arena, ArenaRef};

#[derive(Debug, Clone)]
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

/** Adds `by` to every value, in place. */
fn bump(arena: &mut Arena, n: ArenaRef<Node>, by: i64) {
    arena[n].value += by;
    let node = arena[n];
    if let Some(l) = node.left { bump(&mut arena, l, by); }
    if let Some(r) = node.right { bump(&mut arena, r, by); }
}

#[derive(Debug)]
struct Wide { a: u8, b: f64, c: u16, d: [u32; 3] }

fn main() {
    let before = std::mem::stats();
    let mut arena = Arena::new();
    let root = build(&arena, 12, 1);
    let mid = std::mem::stats();
    println("{} nodes in {} chunks; {} blocks allocated for them", arena.len(), arena.chunk_count(), mid.allocations - before.allocations);
    println("fewer than 1 block per 100 nodes: {}", (mid.allocations - before.allocations) * 100 < arena.len() as u64);
    println("sum {}", sum(&arena, root));
    bump(&mut arena, root, 1);
    println("sum after bump {}", sum(&arena, root));
    println("root {:?}", arena[root].value);

    // Values of any type, mixed in one arena, each at its alignment.
    let byte = arena.alloc(7u8);
    let wide = arena.alloc(Wide { a: 1, b: 2.5, c: 3, d: [4, 5, 6] });
    let text = arena.alloc("hello".to_string());
    let list = arena.alloc(Vec::<i64>::new());
    let unit = arena.alloc(());
    let pair = arena.alloc((1i32, 'x'));
    arena[byte] += 1;
    arena[wide].d[1] *= 10;
    arena[text].push_str(", arena");
    for i in 0..5 { arena[list].push(i * i); }
    arena[pair] = (2, 'y');
    println("{} {:?} {} {:?} {:?} {:?}", arena[byte], arena[wide], arena[text], arena.get(list), arena[unit], arena[pair]);
    arena.set(text, "replaced".to_string());
    println("{} {}", arena.get(text), arena[text].len());

    // Handles are plain values: copied, compared by identity, kept in collections.
    let again = text;
    let other = arena.alloc("replaced".to_string());
    println("{} {} {:?}", again == text, other == text, again);
    let mut index: HashMap<ArenaRef<String>, i64> = HashMap::new();
    index.insert(text, 1);
    index.insert(other, 2);
    println("{:?} {:?}", index.get(&text), index.get(&other));

    // A copy of an Arena is the same arena.
    let same = arena;
    let late = same.alloc(99i64);
    println("{} {} {}", arena[late], same.len() == arena.len(), arena.owns(late));

    // A value larger than a chunk gets a chunk of its own.
    let big = arena.alloc([1u64; 1000]);
    println("{} {}", arena[big][999], arena.allocated_bytes() >= 8000);
}
