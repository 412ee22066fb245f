struct NoDebug;

#[derive(Debug, PartialEq)]
struct Holder { inner: NoDebug, n: i64 }

fn main() {
    let n = None;
}
