// stdin: bad_utf8.txt
// exit: 101
// stderr: panicked at programs/io/bad_utf8.t:12:13: stream did not contain valid UTF-8
// A line that is not UTF-8 panics at the read; std::panic::catch can recover, and the
// bad line has been consumed. The last line ends in half a character: that panics too.
fn main() {
    println("{:?}", std::io::read_line());
    let r = std::panic::catch(|| std::io::read_line());
    println("caught: {}", r.is_err());
    println("{:?}", std::io::read_line());
    let v: Vec<i64> = Vec::new();
    let s = std::io::read_to_string();
    println("not reached {} {:?}", s, v);
}
