// `extern "C" fn` outside a block defines a T function for C: it needs a body.
extern "C" fn callback(x: i64) -> i64;

extern "Rust" fn other() {}

fn main() {}
