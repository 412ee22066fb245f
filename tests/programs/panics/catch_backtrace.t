// exit: 101
// env: T_BACKTRACE=1
// stderr: panicked at programs/panics/catch_backtrace.t:13:9: deep failure
// stderr: stack backtrace:
// stderr:    0: catch_backtrace::descend
// stderr:    3: catch_backtrace::main
// With T_BACKTRACE=1 an uncaught panic is reported with the stack still whole (the
// search phase found no catch, so nothing was unwound): its frames are in the backtrace,
// and earlier caught panics left no trace. (`descend` recurses, so it keeps its frames;
// `main` always keeps its own.)
fn descend(x: i64) -> i64 {
    if x == 0 {
        panic("deep failure");
    }
    descend(x - 1) + 1
}

fn main() {
    let n = std::env::arg_count() as i64;
    println("first: {}", std::panic::catch(|| descend(n - 1)).is_err());
    println("{}", descend(n + 1));
}
