// Struct literal fields are evaluated in the order written, whatever the declaration order.
struct Pair {
    a: i64,
    b: i64,
}

fn note(label: String, v: i64) -> i64 {
    println("{}", label);
    v
}

fn main() {
    let p = Pair { b: note("b first", 2), a: note("a second", 1) };
    println("{} {}", p.a, p.b);
}
