// A `&mut` parameter needs `&mut` at the call, not `&`.
fn clear(a: &mut [i64; 3]) { a[0] = 0; }

fn main() {
    let mut a = [1, 2, 3];
    clear(&a);
}
