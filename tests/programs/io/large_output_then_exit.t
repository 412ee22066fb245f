// exit: 7
// Buffered output is flushed by std::process::exit, even when it is large.
fn main() {
    let mut i = 0;
    while i < 3000 {
        print("{},", i);
        i += 1;
    }
    std::process::exit(7);
}
