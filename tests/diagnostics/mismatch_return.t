// The tail expression does not match the declared return type.
fn is_big(n: i64) -> bool {
    n * 1000
}

fn main() {
    println("{}", is_big(3));
}
