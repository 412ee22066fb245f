// exit: 44
// The parent sees the low 8 bits of the exit code: 300 becomes 44.
fn main() {
    let mut code = 0;
    for i in 1..=24 {
        code += i;
    }
    println("exiting with {}", code);
    std::process::exit(code);
}
