// Literal, range, binding (@), tuple, nested, or-patterns and guards.
fn classify(n: i32) -> String {
    match n {
        i32::MIN..=-1 => "negative",
        0 => "zero",
        1 | 2 | 3 => "small",
        x @ 4..=9 if x % 2 == 0 => "even digit",
        4..=9 => "odd digit",
        _ => "large",
    }
}

fn describe(p: (i32, bool)) -> i32 {
    match p {
        (0, _) => 0,
        (x, true) if x > 10 => x * 2,
        (x, true) => x + 1,
        (x, false) => -x,
    }
}

fn grade(c: char) -> u8 {
    match c {
        'a'..='f' => 1,
        'A' | 'B' => 2,
        _ => 3,
    }
}

fn main() {
    for n in -2..12 {
        print("{} ", classify(n));
    }
    println();
    println("{} {} {} {}", describe((0, true)), describe((11, true)), describe((5, true)), describe((5, false)));
    println("{} {} {}", grade('c'), grade('B'), grade('z'));
    let b = true;
    let r = match b { true => 1, false => 0 };
    println("{}", r);
    let s = "two";
    let v = match s { "one" => 1, "two" => 2, _ => 0 };
    println("{}", v);
}
