// Mutable statics need `unsafe`, which comes later.
static mut COUNTER: i64 = 0;

fn main() {
}
