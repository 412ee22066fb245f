// exit: 44
// The parent sees the low 8 bits of the status: exit(300) is 300 & 255 = 44.
fn main() {
    std::process::exit(300);
}
