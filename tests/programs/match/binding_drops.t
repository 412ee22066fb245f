// Bindings in decision trees take their copies only once an arm is chosen: a guard that
// fails, an alternative that does not match and a fallthrough leave no reference behind
// (the test runs with T_LEAK_CHECK=1), and values dropped by the arms go in order.
class Tag { name: String }

impl Drop for Tag {
    fn drop(&mut self) { print("~{} ", self.name); }
}

struct Named { tag: Tag, code: i64 }

enum Msg {
    Text(Tag, i64),
    Pair(Tag, Named),
    List(Vec<Tag>, Option<Tag>),
    Empty,
}

fn describe(m: &Msg, limit: i64) -> i64 {
    match m {
        Msg::Text(t, n) if n > limit => { print("long {} ", t.name); n }
        Msg::Text(t, _) | Msg::Pair(t, Named { code: 7, .. }) if t.name.len() > 2 => { print("named {} ", t.name); 1 }
        Msg::Text(_, n) => n,
        Msg::Pair(a, Named { tag: b, .. }) if a.name == b.name => { print("same {} ", a.name); 2 }
        Msg::Pair(a, _) | Msg::List(_, Some(a)) => { print("first {} ", a.name); 3 }
        Msg::List(v, None) if v.len() == 0 => 0,
        Msg::List(v, _) => v.len() as i64,
        Msg::Empty => -2,
    }
}

fn make(i: i64) -> Msg {
    match i % 6 {
        0 => Msg::Text(Tag { name: "a" }, i),
        1 => Msg::Text(Tag { name: "abc" }, i),
        2 => Msg::Pair(Tag { name: "xy" }, Named { tag: Tag { name: "xy" }, code: 1 }),
        3 => Msg::Pair(Tag { name: "long" }, Named { tag: Tag { name: "n" }, code: 7 }),
        4 => Msg::Pair(Tag { name: "p" }, Named { tag: Tag { name: "q" }, code: 7 }),
        _ => Msg::Empty,
    }
}

// A temporary scrutinee (a call's result) matched by value: its bindings are copies, the
// rest of the value is dropped with the match.
fn consume(i: i64) -> i64 {
    match (make(i), i) {
        (Msg::Pair(a, b), k) if k > 8 => { print("pair {} {} ", a.name, b.tag.name); k }
        (Msg::Text(t, _), 1 | 7) | (Msg::Pair(_, Named { tag: t, .. }), 3) => { print("kept {} ", t.name); 100 }
        (Msg::Pair(a, Named { tag, code: 7 }), k @ (4 | 10)) => { print("code {} {} ", a.name, tag.name); k }
        (m, _) => { print("whole "); describe(&m, 5) }
    }
}

fn main() {
    for i in 0..6 {
        let m = make(i + 6);
        print("{} | ", describe(&m, 8));
    }
    println();
    let mut v: Vec<Tag> = Vec::new();
    let list = Msg::List(v, None);
    println("{}", describe(&list, 0));
    v = Vec::new();
    v.push(Tag { name: "head" });
    v.push(Tag { name: "tail" });
    let list = Msg::List(v, None);
    println("{}", describe(&list, 0));
    let list = Msg::List(Vec::new(), Some(Tag { name: "opt" }));
    println("{}", describe(&list, 0));
    for i in 0..12 {
        println("{}", consume(i));
    }
    println("end");
}
