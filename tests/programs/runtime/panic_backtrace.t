// exit: 101
// env: T_BACKTRACE=1
// stderr: panicked at programs/runtime/panic_backtrace.t:11:5: depth reached
// stderr: stack backtrace:
// stderr: panic_backtrace::recurse
// With T_BACKTRACE=1 a panic prints the T functions on the stack, innermost first.
fn recurse(n: i64) -> i64 {
    if n > 0 {
        return recurse(n - 1) + 1;
    }
    panic("depth reached");
}

fn main() {
    println("{}", recurse(3));
}
