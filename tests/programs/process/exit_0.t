// exit: 0
// std::process::exit(0) ends the program with status 0.
fn main() {
    println("exiting with 0");
    std::process::exit(0);
    println("not reached");
}
