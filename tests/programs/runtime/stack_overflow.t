// exit: 134
// stderr: thread 'main' overflowed its stack
// Unbounded recursion hits the guard below the main stack: a message and SIGABRT, not a bare segfault.
fn down(n: i64) -> i64 {
    if n == 0 { 0 } else { 1 + down(n - 1) }
}

fn main() {
    println("going down");
    println("{}", down(1_000_000_000));
}
