// `&mut x` needs `x` to be declared `mut`.
fn inc(x: &mut i64) { x += 1; }

fn main() {
    let n = 1;
    inc(&mut n);
}
