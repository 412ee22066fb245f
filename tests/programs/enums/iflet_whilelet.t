// `if let`, `while let` and destructuring `let`.
enum Step {
    Next(i64),
    Done,
}

fn step(n: i64) -> Step {
    if n >= 5 { Step::Done } else { Step::Next(n + 1) }
}

struct Pair { a: i64, b: (i64, i64) }

fn main() {
    let mut current = Step::Next(0);
    let mut seen = 0;
    while let Step::Next(n) = current {
        seen += n;
        current = step(n);
    }
    println("{}", seen);
    if let Step::Done = current {
        println("done");
    }
    let label = if let Step::Next(x) = step(2) { x * 100 } else { -1 };
    println("{}", label);
    let (x, y) = (1, 2);
    let Pair { a, b: (c, d) } = Pair { a: 10, b: (20, 30) };
    println("{} {} {} {} {}", x, y, a, c, d);
    let (first, .., last) = (1, 2, 3, 4);
    println("{} {}", first, last);
}
