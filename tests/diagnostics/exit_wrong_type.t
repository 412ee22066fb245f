// std::process::exit takes an i64.
fn main() {
    std::process::exit(true);
}
