// `&mut` is exclusive: the same array cannot be passed twice, even at different indices.
fn swap(a: &mut i64, b: &mut i64) {
    let t = a;
    a = b;
    b = t;
}

fn main() {
    let mut v = [1, 2, 3];
    swap(&mut v[0], &mut v[1]);
}
