// A positional placeholder beyond the arguments.
fn main() {
    println("{0} {2}", "a", "b");
}
