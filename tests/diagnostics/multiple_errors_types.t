// Several independent type errors: each is reported once, and checking continues.
fn twice(n: i64) -> i64 {
    n * 2
}

fn main() {
    let a: bool = 5;
    let b = twice(true);
    let c = "x" - 1;
    println("{} {} {}", a, b, c);
}
