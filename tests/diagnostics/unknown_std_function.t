// A path into std that does not exist.
fn main() {
    let n = std::env::args_count();
    println("{}", n);
}
