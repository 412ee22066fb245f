// Small functions in every position the midend's inliner copies them into: in the middle
// of expressions with values live across the call, in loop conditions, as arguments of
// other calls, several levels deep, with early returns and loops of their own, through
// `&mut` parameters, returning structs and tuples. The output is checked against a Rust
// translation of the same program.
struct Span { lo: i64, hi: i64 }

enum Shape { Square(i64), Rect(i64, i64), Empty }

fn clamp(x: i64, lo: i64, hi: i64) -> i64 {
    if x < lo { return lo; }
    let mut y = x;
    while y > hi { y -= hi - lo + 1; }
    y
}

fn sq(x: i64) -> i64 { x * x }

fn max3(a: i64, b: i64, c: i64) -> i64 {
    let m = if a > b { a } else { b };
    if m > c { m } else { c }
}

fn area(s: Shape) -> i64 {
    match s {
        Shape::Square(k) => sq(k),
        Shape::Rect(w, h) => w * h,
        Shape::Empty => 0,
    }
}

fn widen(s: Span, by: i64) -> Span { Span { lo: s.lo - by, hi: s.hi + by } }

fn divmod(a: i64, b: i64) -> (i64, i64) { (a / b, a % b) }

fn bump(v: &mut [i64; 6], k: usize, by: i64) {
    v[k] += by;
    if v[k] > 20 { v[k] = v[k] % 7; }
}

fn total(v: &[i64; 6]) -> i64 {
    let mut t = 0;
    for x in v { t += x; }
    t
}

fn is_small(x: i64) -> bool { x >= -3 && x < 10 }

fn level3(x: i64) -> i64 { x + 3 }
fn level2(x: i64) -> i64 { level3(x) * 2 }
fn level1(x: i64) -> i64 { level2(x) - level3(x) }

fn first_above(v: &[i64; 6], limit: i64) -> usize {
    let mut i = 0;
    while i < 6 {
        if v[i] > limit { return i; }
        i += 1;
    }
    6
}

fn main() {
    let n = std::env::arg_count();
    let t = n * 2;
    let u = t + clamp(n + 40, t, t + 10) * t - sq(n + 1);
    let late = [n, u, t];
    println("u={} late={:?}", u, late);

    let mut k = 0;
    let mut steps = 0;
    while is_small(clamp(k, -2, 12) - 2) && steps < 30 {
        k += 3;
        steps += 1;
    }
    println("k={} steps={}", k, steps);

    println("max3={}", max3(sq(n + 2), sq(3 - n * 5), level1(n)));
    println("areas={} {} {}", area(Shape::Square(n + 4)), area(Shape::Rect(n, 7)), area(Shape::Empty));

    let s = widen(widen(Span { lo: n, hi: n + 5 }, 2), n);
    let (q, r) = divmod(s.hi * 7 + 3, s.hi - s.lo);
    println("span={}..{} q={} r={}", s.lo, s.hi, q, r);

    let mut v = [1, 2, 3, 4, 5, 6];
    for i in 0..20 {
        bump(&mut v, (i * 7 + n as usize) % 6, i as i64);
    }
    println("v={:?} total={} first_above_5={}", v, total(&v), first_above(&v, 5));

    let mut acc = 0;
    for i in 0..50 {
        acc += level1(i) + clamp(i * 3, 10, 40) - sq(i % 4) + if is_small(i) { 1 } else { 0 };
    }
    println("acc={}", acc);
}
