// Two parameters with the same name.
fn add(a: i64, a: i64) -> i64 {
    a + a
}

fn main() {
    println("{}", add(1, 2));
}
