// Matches compiled to decision trees: each sub-value is tested once per path, yet arms are
// still tried in order — guards that fail fall through to the arms after them, or-patterns
// try their alternatives in order, overlapping ranges go to the first arm that has them.
enum Op { Add, Sub, Mul, Neg }

enum Expr {
    Num(i64),
    Unary(Op, i64),
    Binary(Op, i64, i64),
    Var { name: String, scale: i64 },
}

enum Shape { Dot, Line(i64), Box { w: i64, h: i64 } }

const LIMIT: i64 = 100;

fn eval(e: Expr) -> i64 {
    match e {
        Expr::Num(n) if n > LIMIT => LIMIT,
        Expr::Num(n) => n,
        Expr::Unary(Op::Neg, x) => -x,
        Expr::Unary(_, x) => x,
        Expr::Binary(Op::Add, a, b) | Expr::Binary(Op::Sub, b, a) if a > b => a + b * 1000,
        Expr::Binary(Op::Add, a, b) => a + b,
        Expr::Binary(Op::Sub, a, b) => a - b,
        Expr::Binary(Op::Mul, 0, _) | Expr::Binary(Op::Mul, _, 0) => 0,
        Expr::Binary(Op::Mul, a, b) => a * b,
        Expr::Binary(Op::Neg, ..) => -1,
        Expr::Var { name, scale: 0 } => name.len() as i64,
        Expr::Var { scale, .. } => scale,
    }
}

// Two columns: the first one's tag is tested once on every path.
fn combine(a: Shape, b: Shape) -> i64 {
    match (a, b) {
        (Shape::Dot, Shape::Dot) => 0,
        (Shape::Dot, Shape::Line(n)) | (Shape::Line(n), Shape::Dot) => n,
        (Shape::Line(x), Shape::Line(y)) if x == y => 100 + x,
        (Shape::Line(x), Shape::Line(y)) => x * 10 + y,
        (Shape::Box { w, h }, Shape::Dot) => w * h,
        (Shape::Box { w, .. }, Shape::Line(n)) if w > n => w - n,
        (s, Shape::Box { w: 1, h }) => h + match s { Shape::Dot => 1000, _ => 2000 },
        (_, _) => -1,
    }
}

// Overlapping ranges: the first arm that covers the value wins.
fn bucket(n: i32) -> i32 {
    match n {
        i32::MIN..=-100 => 0,
        -5..=5 => 1,
        0..=10 => 2,
        3 | 7 | 11 => 3,
        8..20 => 4,
        x @ 15..=30 if x % 3 == 0 => 5,
        20..=40 => 6,
        _ => 7,
    }
}

fn bytes(b: u8) -> i32 {
    match b {
        0 => 0,
        1..=9 => 1,
        b'a'..=b'z' | b'A'..=b'Z' => 2,
        200..=255 => 3,
        _ => 4,
    }
}

fn small(i: i8, u: u64) -> i32 {
    match (i, u) {
        (i8::MIN, _) => 1,
        (_, u64::MAX) => 2,
        (-1..=1, 0) => 3,
        (i8::MAX, 18446744073709551614) => 4,
        (i8::MIN..=0, _) => 5,
        _ => 6,
    }
}

fn letter(c: char, upper: bool) -> String {
    match (c, upper) {
        ('a' | 'e' | 'i' | 'o' | 'u', false) => "vowel",
        ('A' | 'E' | 'I' | 'O' | 'U', true) => "VOWEL",
        ('a'..='z', false) | ('A'..='Z', true) => "consonant",
        ('0'..='9', _) => "digit",
        (_, true) => "other upper",
        (_, false) => "other",
    }
}

fn command(words: (String, String)) {
    match words {
        ("go", dir @ ("north" | "south")) => print("walk {dir}; "),
        ("go", "up") | ("climb", _) => print("climb; "),
        ("go", other) => print("cannot go {other}; "),
        (verb, "") => print("{verb} what?; "),
        ("take", thing) if thing.len() > 5 => print("too heavy; "),
        ("take", thing) => print("took {thing}; "),
        (_, _) => print("unknown; "),
    }
}

// A guard that fails for the first alternative is tried again for the next one (as in Rust).
class Count { n: i32 }

fn tries(p: (i32, i32), seen: Count) -> i32 {
    match p {
        (x, 1) | (1, x) if { seen.n += 1; x > 5 } => x,
        (a, b) => a + b,
    }
}

struct Point { x: i64, y: i64 }

fn quadrant(p: Point) -> i64 {
    match p {
        Point { x: 0, y: 0 } => 0,
        Point { x: 0, .. } | Point { y: 0, .. } => 5,
        Point { x: 1..=i64::MAX, y: 1..=i64::MAX } => 1,
        Point { x: i64::MIN..=-1, y } if y > 0 => 2,
        Point { x, y } if x < 0 && y < 0 => 3,
        _ => 4,
    }
}

fn main() {
    let es = [
        Expr::Num(7), Expr::Num(500), Expr::Unary(Op::Neg, 4), Expr::Unary(Op::Mul, 4),
        Expr::Binary(Op::Add, 9, 2), Expr::Binary(Op::Add, 2, 9), Expr::Binary(Op::Sub, 2, 9),
        Expr::Binary(Op::Sub, 9, 2), Expr::Binary(Op::Mul, 0, 5), Expr::Binary(Op::Mul, 5, 0),
        Expr::Binary(Op::Mul, 6, 7), Expr::Binary(Op::Neg, 1, 1),
        Expr::Var { name: "abc", scale: 0 }, Expr::Var { name: "abc", scale: 9 },
    ];
    for e in es { print("{} ", eval(e)); }
    println();
    let shapes = [Shape::Dot, Shape::Line(3), Shape::Line(4), Shape::Box { w: 1, h: 6 }, Shape::Box { w: 5, h: 2 }];
    for i in 0..5 {
        for j in 0..5 {
            let a = match i { 0 => Shape::Dot, 1 => Shape::Line(3), 2 => Shape::Line(4), 3 => Shape::Box { w: 1, h: 6 }, _ => Shape::Box { w: 5, h: 2 } };
            print("{} ", combine(a, match j { 0 => Shape::Dot, 1 => Shape::Line(3), 2 => Shape::Line(4), 3 => Shape::Box { w: 1, h: 6 }, _ => Shape::Box { w: 5, h: 2 } }));
        }
    }
    println("| {}", shapes.len());
    for n in [-200, -100, -99, -5, 0, 5, 6, 7, 10, 11, 12, 15, 18, 19, 20, 21, 30, 40, 41] { print("{} ", bucket(n)); }
    println();
    for b in [0u8, 5, 9, 10, 65, 97, 122, 123, 199, 200, 255] { print("{} ", bytes(b)); }
    println();
    println("{} {} {} {} {} {} {}", small(-128, 0), small(5, 18446744073709551615), small(0, 0), small(127, 18446744073709551614),
        small(-3, 4), small(3, 4), small(1, 0));
    for c in ['a', 'b', 'E', 'Q', '7', '#'] {
        print("{}/{} ", letter(c, false), letter(c, true));
    }
    println();
    let cmds = [("go", "north"), ("go", "up"), ("climb", "tree"), ("go", "east"), ("eat", ""),
        ("take", "lamp"), ("take", "anvils"), ("drop", "lamp")];
    for (v, o) in cmds { command((v, o)); }
    println();
    let seen = Count { n: 0 };
    print("{} ", tries((9, 1), seen));
    print("{} ", tries((3, 1), seen));
    print("{} ", tries((1, 8), seen));
    print("{} ", tries((1, 1), seen));
    println("guards run {}", seen.n);
    println("{} {} {} {} {} {} {}", quadrant(Point { x: 0, y: 0 }), quadrant(Point { x: 0, y: 3 }), quadrant(Point { x: 2, y: 3 }),
        quadrant(Point { x: -2, y: 3 }), quadrant(Point { x: -2, y: -3 }), quadrant(Point { x: 2, y: -3 }), quadrant(Point { x: 4, y: 0 }));
}
