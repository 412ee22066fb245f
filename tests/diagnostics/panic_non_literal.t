// panic's message must be a string literal, like println's.
fn main() {
    let msg = "bad";
    panic(msg);
}
