// `#[track_caller]` is reserved for the standard library.
#[track_caller]
fn must(x: Option<i64>) -> i64 { x.unwrap() }

fn main() { println("{}", must(Some(1))); }
