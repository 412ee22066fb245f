// The same tree as individual class objects (reference-counted).
class Node { value: i64, left: Option<Node>, right: Option<Node> }
fn build(depth: i64, v: i64) -> Node {
    if depth == 0 { return Node { value: v, left: None, right: None }; }
    Node { value: v, left: Some(build(depth - 1, 2 * v)), right: Some(build(depth - 1, 2 * v + 1)) }
}
fn sum(n: Node) -> i64 {
    let mut s = n.value;
    if let Some(l) = n.left { s += sum(l); }
    if let Some(r) = n.right { s += sum(r); }
    s
}
fn main() {
    let before = std::mem::stats();
    let mut total = 0;
    for round in 0..5 {
        let root = build(19, 1);
        total += sum(root);
    }
    let after = std::mem::stats();
    println("{} {} allocations", total, after.allocations - before.allocations);
}
