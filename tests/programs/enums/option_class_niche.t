// `Option<C>` of a class `C`, and every enum of that shape (two variants, one without
// fields, the other holding one class reference), is just the object's address: null is
// the fieldless variant (docs/abi.md, "Enums"). This walks every way code reads and writes
// such enums: fields, vectors, arrays, `match`, `if let`, `while let`, `?`, `for`,
// `Weak::upgrade`, generic code, derives and `{:?}`; T_LEAK_CHECK=1 checks the counts.

#[derive(Debug)]
class Node {
    value: i64,
    next: Option<Node>,
}

impl PartialEq for Node {
    fn eq(&self, other: &Node) -> bool { self.value == other.value }
}

// The fieldless variant second: null still means `Empty`, whatever its index.
#[derive(Debug, PartialEq)]
enum Slot {
    Full(Node),
    Empty,
}

// Not niche enums: two fields, three variants, an Option around a niche Option.
#[derive(Debug)]
enum Pair { Both(Node, Node), Neither }

#[derive(Debug)]
enum Three { One(Node), Two, Three }

fn node(value: i64) -> Node { Node { value, next: None } }

fn list(n: i64) -> Option<Node> {
    let mut head: Option<Node> = None;
    let mut i = n;
    while i > 0 {
        head = Some(Node { value: i, next: head });
        i -= 1;
    }
    head
}

fn total(mut cur: Option<Node>) -> i64 {
    let mut s = 0;
    while let Some(n) = cur {
        s += n.value;
        cur = n.next;
    }
    s
}

fn second(l: Option<Node>) -> Option<i64> {
    let first = l?;
    let next = first.next?;
    Some(next.value)
}

// take: the old value out, None left behind.
fn take(n: Node) -> Option<Node> {
    let old = n.next;
    n.next = None;
    old
}

// replace: the new value in, the old one out.
fn replace(n: Node, with: Option<Node>) -> Option<Node> {
    let old = n.next;
    n.next = with;
    old
}

fn describe(o: Option<Option<Node>>) -> String {
    match o {
        Some(Some(n)) => format("some(some({}))", n.value),
        Some(None) => "some(none)",
        None => "none",
    }
}

fn first_or<T>(o: Option<T>, other: T) -> T {
    match o {
        Some(x) => x,
        None => other,
    }
}

struct Countdown { n: i64 }

impl Iterator for Countdown {
    type Item = Node;
    fn next(&mut self) -> Option<Node> {
        if self.n == 0 { return None; }
        self.n -= 1;
        Some(node(self.n))
    }
}

fn main() {
    println("size_of Option<Node>: {}", std::mem::size_of::<Option<Node>>());
    println("size_of Slot: {}", std::mem::size_of::<Slot>());
    println("size_of Option<Option<Node>>: {}", std::mem::size_of::<Option<Option<Node>>>());
    println("size_of Pair: {}", std::mem::size_of::<Pair>());
    println("size_of Three: {}", std::mem::size_of::<Three>());
    println("size_of Option<i64>: {}", std::mem::size_of::<Option<i64>>());

    // Fields, while let, ?.
    let l = list(4);
    println("total {}", total(l));
    println("second {:?} {:?} {:?}", second(l), second(list(1)), second(None));

    // take and replace.
    let a = node(1);
    a.next = Some(node(2));
    let taken = take(a);
    println("taken {:?}, left {:?}", taken, a.next);
    let old = replace(a, Some(node(3)));
    println("old {:?}, now {}", old.is_none(), a.next.unwrap().value);
    let again = replace(a, None);
    println("again {}", again.map(|n| n.value).unwrap_or(-1));

    // Vec<Option<Node>>, changed in place, and read back.
    let mut v: Vec<Option<Node>> = Vec::new();
    for i in 0..5 {
        v.push(if i % 2 == 0 { Some(node(i)) } else { None });
    }
    v[1] = Some(node(10));
    v[2] = None;
    let mut somes = 0;
    for o in v.iter() {
        if let Some(n) = o { somes += n.value; }
    }
    println("vec somes {} of {}", somes, v.len());
    println("{:?}", v);
    v.clear();

    // Arrays of them (`[None; 4]` is all zero bytes).
    let mut arr: [Option<Node>; 4] = [None; 4];
    arr[3] = Some(node(7));
    let mut count = 0;
    for o in arr { if o.is_some() { count += 1; } }
    println("array {} some, arr[3] = {:?}", count, arr[3]);

    // The user enum with the fieldless variant second.
    let s = Slot::Full(node(5));
    let e = Slot::Empty;
    match s {
        Slot::Full(n) => println("full {}", n.value),
        Slot::Empty => println("empty"),
    }
    if let Slot::Empty = e { println("e is empty"); }
    println("{:?} {:?} eq {} {} {}", s, e, s == Slot::Full(node(5)), s == e, e == Slot::Empty);

    // Nested Options: the outer one is tagged.
    println("{} {} {}", describe(Some(Some(node(8)))), describe(Some(None)), describe(None));
    let nested: Option<Option<Node>> = Some(None);
    println("{:?} {:?}", nested, Some(Some(node(9))));

    // Enums that are not niche enums still work.
    let p = Pair::Both(node(1), node(2));
    if let Pair::Both(x, y) = p { println("pair {} {}", x.value, y.value); }
    println("{:?} {:?} {:?}", Pair::Neither, Three::One(node(3)), Three::Three);

    // Generic code instantiated with a class.
    println("first_or {} {}", first_or(Some(node(11)), node(12)).value, first_or(None, node(13)).value);
    println("map {:?}", Some(node(14)).map(|n| n.value * 2));

    // for: the iterator's next() returns Option<Node>.
    let mut sum = 0;
    for n in (Countdown { n: 4 }) { sum += n.value; }
    println("countdown {}", sum);

    // Weak::upgrade gives an Option<Node>.
    let strong = node(21);
    let weak = Weak::from(strong);
    println("upgrade {:?}", weak.upgrade().map(|n| n.value));
    let empty: Weak<Node> = Weak::new();
    println("empty upgrade {}", empty.upgrade().is_none());
}
