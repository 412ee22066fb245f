// Format arguments are evaluated exactly once each, in the order they are written,
// however often and in whatever order the format string uses them.
fn trace(label: String, v: i64) -> i64 {
    println("eval {}", label);
    v
}

fn main() {
    println("{2} {0} {1}", trace("first", 1), trace("second", 2), trace("third", 3));
    println("{0}-{0}-{0}", trace("once", 4));
    println("{1} {} {0} {}", trace("a", 5), trace("b", 6));
    let n = 7;
    println("{n} {0} {n}", trace("with name", 8));
}
