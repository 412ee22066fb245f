// Tuples compare element by element with `==` and `!=`, nested ones and strings included.
fn main() {
    let a = (1, "x", (true, 'c'));
    let b = (1, "x", (true, 'c'));
    let c = (1, "y", (true, 'c'));
    println("{} {} {}", a == b, a == c, a != c);
    let u = ((), 2.5);
    println("{}", u == ((), 2.5));
    println("{}", (0.0 / 0.0, 1) == (0.0 / 0.0, 1));
}
