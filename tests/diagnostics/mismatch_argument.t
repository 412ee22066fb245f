// An argument of the wrong type.
fn square(n: i64) -> i64 {
    n * n
}

fn main() {
    println("{}", square("three"));
}
