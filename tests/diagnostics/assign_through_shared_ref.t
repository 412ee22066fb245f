// A `&` parameter cannot be changed.
fn reset(a: &[i64; 3]) {
    a[0] = 0;
}

fn main() {
    let mut a = [1, 2, 3];
    reset(&a);
}
