// Constants are computed at compile time: overflow, cycles and run-time values are errors.
const A: u8 = 200 + 100;
const B: i32 = C + 1;
const C: i32 = B * 2;
const D: i64 = 10 / (5 - 5);

fn f() -> i64 { 3 }
const E: i64 = f();

fn main() {
    println("{} {} {} {}", A, B, D, E);
}
