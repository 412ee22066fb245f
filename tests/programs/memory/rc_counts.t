// Counts seen by strong_count and weak upgrades around copies.
class Node { id: i64, next: Option<Node> }

fn count_of(n: &Node) -> usize {
    let w = match n.next { Some(x) => Weak::from(x), None => Weak::new() };
    w.strong_count()
}

fn show(n: Node) -> usize {
    let copy = n;
    let w = Weak::from(copy);
    w.strong_count()
}

fn main() {
    let z = Node { id: 0, next: None };
    let a = Node { id: 1, next: Some(z) };
    println("count {}", count_of(&a));
    let b = a;
    println("count {}", count_of(&b));
    println("show {}", show(a));
    let w = Weak::from(a);
    {
        let c = a;
        println("inner {}", w.strong_count());
    }
    println("outer {}", w.strong_count());
}
