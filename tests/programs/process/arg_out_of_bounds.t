// args: only
// exit: 101
// stderr: panicked at programs/process/arg_out_of_bounds.t:9:19: argument index out of bounds
// std::env::arg panics when the index is out of range.
fn main() {
    println("count = {}", std::env::arg_count());
    println("arg(1) = {}", std::env::arg(1));
    let i = std::env::arg_count();
    let missing = std::env::arg(i);
    println("not reached: {}", missing);
}
