// \xNN escapes (up to \x7F) and a backslash at the end of a line, which skips the line
// break and the next line's leading whitespace.
fn main() {
    println("hex: [\x41\x42\x43] [\x7e] [\x30\x39]");
    println("tab via hex:[\x09] newline via hex:[\x0a]");
    println("one \
             long \
             line");
    println("{}", "joined\
    together");
    let s = "a\
b";
    println("{}", s == "ab");
}
