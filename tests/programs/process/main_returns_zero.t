// stderr: a warning on stderr
// A main that returns normally exits with status 0, even after writing to stderr.
fn main() {
    eprintln("a warning on stderr");
    println("ok");
}
