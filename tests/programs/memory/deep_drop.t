// Dropping a long chain of objects: a 200,000-node linked list goes when its head does,
// each node's drop releasing the next. Far deeper than the stack could hold as nested
// drops; the runtime defers drops when the stack is nearly used up and runs them as it
// unwinds (docs/runtime.md, "Deep chains of drops"), so the program neither overflows nor
// leaks, and the drops still run in order, head first.

class Counter { dropped: i64, expected: i64, out_of_order: i64 }

class Node { id: i64, next: Option<Node>, counter: Counter }

impl Drop for Node {
    fn drop(&mut self) {
        if self.id != self.counter.expected { self.counter.out_of_order += 1; }
        self.counter.expected = self.id - 1;
        self.counter.dropped += 1;
    }
}

class Plain { value: i64, next: Option<Plain> }

fn main() {
    let n = 200000 + std::env::arg_count() as i64 - 1;
    let counter = Counter { dropped: 0, expected: n - 1, out_of_order: 0 };
    let mut head: Option<Node> = None;
    for i in 0..n {
        head = Some(Node { id: i, next: head, counter: counter });
    }
    head = None;
    println("dropped {} nodes, {} out of order", counter.dropped, counter.out_of_order);

    // Without a Drop impl, and dropped at the end of main.
    let mut plain: Option<Plain> = None;
    for i in 0..n {
        plain = Some(Plain { value: i, next: plain });
    }
    if let Some(p) = plain { println("head {}", p.value); }
}
