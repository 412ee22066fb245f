// exit: 1
// std::process::exit(1) ends the program with status 1.
fn main() {
    println("exiting with 1");
    std::process::exit(1);
    println("not reached");
}
