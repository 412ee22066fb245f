// An argument that changes what another argument of the same call borrows mutably: the
// element's address would point into a buffer `clear` gave back.
fn set(x: &mut i64, v: i64) { x = v; }

fn main() {
    let mut v: Vec<i64> = Vec::new();
    v.push(1);
    set(&mut v[0], { v.clear(); 1 });
}
