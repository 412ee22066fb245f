// args: one two three
// arg_count includes argv[0].
fn main() {
    let n = std::env::arg_count();
    println("arg_count = {}", n);
    println("user args = {}", n - 1);
}
