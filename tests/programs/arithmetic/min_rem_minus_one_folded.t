// exit: 101
// stderr: attempt to calculate the remainder with overflow
// Constant folding must not fold away a remainder that overflows: it traps like at -O0.
fn main() {
    println("{}", i64::MIN % -1);
}
