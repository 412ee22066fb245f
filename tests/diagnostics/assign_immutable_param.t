// Parameters are immutable unless declared `mut`.
fn bump(n: i64) -> i64 {
    n += 1;
    n
}

fn main() {
    println("{}", bump(1));
}
