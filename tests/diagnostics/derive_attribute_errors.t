#[derive(Debug)]
fn f() {}

#[frobnicate]
struct Q;

fn main() {}
