// exit: 255
// std::process::exit(255) ends the program with status 255.
fn main() {
    println("exiting with 255");
    std::process::exit(255);
    println("not reached");
}
