// exit: 255
// The parent sees the low 8 bits of the status: exit(-1) is 255.
fn main() {
    println("exit(-1)");
    std::process::exit(-1);
}
