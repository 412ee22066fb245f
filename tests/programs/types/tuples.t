// Tuples: building, reading fields, nested, assigning to elements, passing and returning.
fn divmod(a: i64, b: i64) -> (i64, i64) {
    (a / b, a % b)
}

fn swap(p: (i64, bool)) -> (bool, i64) {
    (p.1, p.0)
}

fn main() {
    let q = divmod(17, 5);
    println("{} {}", q.0, q.1);
    let mut t = (1, (2u8, 'c'), "s");
    t.0 = 10;
    t.1.0 += 5;
    println("{} {} {} {}", t.0, t.1.0, t.1.1, t.2);
    let s = swap((7, true));
    println("{} {}", s.0, s.1);
    let single = (5,);
    println("{}", single.0);
    let unit_pair = ((), 3);
    println("{}", unit_pair.1);
}
