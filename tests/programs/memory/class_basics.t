// Classes are reference types: copies share one object, changes through any reference
// are seen through all of them, and the object is freed with its last reference.
class Counter {
    count: i64,
    label: i64,
}

impl Counter {
    fn new(label: i64) -> Counter { Counter { count: 0, label } }
    // `&self` is enough to change a field: an object is mutable through any reference.
    fn bump(&self) { self.count += 1; }
    fn get(&self) -> i64 { self.count }
}

class Node {
    value: i64,
    next: Option<Node>,
}

fn push(list: Option<Node>, value: i64) -> Option<Node> {
    Some(Node { value, next: list })
}

fn sum(list: Option<Node>) -> i64 {
    let mut total = 0;
    let mut cur = list;
    while let Some(n) = cur {
        total += n.value;
        cur = n.next;
    }
    total
}

fn length(list: &Option<Node>) -> i64 {
    match list {
        Some(n) => 1 + length(&n.next),
        None => 0,
    }
}

struct Pair { left: Counter, right: Counter }

fn main() {
    let a = Counter::new(1);
    let b = a;            // the same object
    a.bump();
    b.bump();
    println("a={} b={}", a.get(), b.get());

    let pair = Pair { left: a, right: Counter::new(2) };
    pair.left.bump();
    pair.right.count = 40;
    println("a={} right={} label={}", a.count, pair.right.count, pair.right.label);

    let mut list = None;
    for i in 1..=100 { list = push(list, i); }
    println("length {} sum {}", length(&list), sum(list));

    // An array of references; a loop that replaces elements frees the old objects.
    let mut cs = [Counter::new(0), Counter::new(0), Counter::new(0)];
    for i in 0..3 { cs[i] = Counter::new(i as i64 * 10); }
    for c in cs { c.bump(); }
    println("{} {} {}", cs[0].get(), cs[1].get(), cs[2].label);

    // A closure captures the reference: it sees and makes changes to the same object.
    let shared = Counter::new(7);
    let bump_twice = || { shared.bump(); shared.bump(); shared.count };
    println("closure {} then {}", bump_twice(), shared.get());
}
