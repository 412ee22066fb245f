// Operands, call arguments and format arguments are evaluated left to right, exactly once.
fn trace(label: String, v: i64) -> i64 {
    println("eval {}", label);
    v
}

fn three(a: i64, b: i64, c: i64) -> i64 {
    a * 100 + b * 10 + c
}

fn main() {
    let s = trace("a", 1) + trace("b", 2) * trace("c", 3);
    println("s = {}", s);
    let t = three(trace("x", 1), trace("y", 2), trace("z", 3));
    println("t = {}", t);
    println("{} {} {}", trace("p", 7), trace("q", 8), trace("r", 9));
    let cmp = trace("l", 5) < trace("r", 6);
    println("cmp = {}", cmp);
    let mut acc = 0;
    acc += trace("rhs", 4);
    println("acc = {}", acc);
    let nested = three(three(trace("i1", 1), trace("i2", 2), trace("i3", 3)), trace("o2", 0), trace("o3", 0));
    println("nested = {}", nested);
}
