// exit: 101
// stderr: panicked at programs/process/arg_negative_index.t:6:13: argument index out of bounds
// A negative argument index panics too.
fn main() {
    println("start");
    let s = std::env::arg(-1);
    println("not reached: {}", s);
}
