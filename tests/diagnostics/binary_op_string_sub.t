// `+` joins strings, but `-` means nothing for them.
fn main() {
    let s = "ab" - "b";
    println("{}", s);
}
