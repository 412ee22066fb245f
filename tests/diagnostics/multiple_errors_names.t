// Unknown names and types in several functions, plus an immutable assignment: every
// error is reported once, and checking continues after each.
fn first() -> i64 {
    missing_one + 1
}

fn second(x: Number) -> i64 {
    7
}

fn main() {
    let total = first();
    total = 3;
    println("{}", total + nowhere);
}
