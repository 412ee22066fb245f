// An argument that assigns a variable another argument of the same call borrows.
fn show(x: &i64, v: i64) { println("{x} {v}"); }

fn main() {
    let mut v: Vec<i64> = Vec::new();
    v.push(1);
    show(&v[0], { v = Vec::new(); 2 });
}
