// exit: 42
// std::process::exit(42) ends the program with status 42.
fn main() {
    println("exiting with 42");
    std::process::exit(42);
    println("not reached");
}
