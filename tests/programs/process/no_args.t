// Without arguments, arg_count is 1 and arg(0) (the program path) is not empty.
fn main() {
    println("arg_count = {}", std::env::arg_count());
    println("arg(0) empty: {}", std::env::arg(0) == "");
}
