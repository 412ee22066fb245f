// Arithmetic needs both operands of the same type; convert with `as`.
fn main() {
    let a: i32 = 5;
    let b: i64 = 6;
    println("{}", a + b);
}
