// Built-in functions check their argument count too.
fn main() {
    let n = std::env::arg_count(1);
    println("{}", n);
}
