// A function cannot return a reference.
fn first(a: &[i64; 3]) -> &i64 {
    a[0]
}

fn main() {}
