// `\q` is not an escape sequence.
fn main() {
    println("bad \q escape");
}
