// Lists walked, built and cut while copies are alive.
class Node { v: i64, next: Option<Node> }
impl Drop for Node {
    fn drop(&mut self) { if self.v % 25 == 0 { println("drop {}", self.v); } }
}

fn build(n: i64) -> Option<Node> {
    let mut l = None;
    for i in 1..=n { l = Some(Node { v: i, next: l }); }
    l
}

fn sum(l: Option<Node>) -> i64 {
    let mut t = 0;
    let mut cur = l;
    while let Some(n) = cur {
        t += n.v;
        cur = n.next;
    }
    t
}

fn cut_after(l: &Option<Node>, k: i64) {
    let mut cur = match l { Some(n) => Some(n), None => None };
    while let Some(n) = cur {
        if n.v == k { n.next = None; return; }
        cur = n.next;
    }
}

fn len(l: &Option<Node>) -> i64 {
    match l {
        Some(n) => 1 + len(&n.next),
        None => 0,
    }
}

fn main() {
    let l = build(100);
    println("sum {} len {}", sum(l), len(&l));
    cut_after(&l, 60);
    println("sum {} len {}", sum(l), len(&l));
    let mut m = build(30);
    m = build(3);
    println("m {}", sum(m));
    println("end");
}
