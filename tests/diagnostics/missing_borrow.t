// A reference parameter needs `&` (or `&mut`) at the call.
fn total(a: &[i64; 3]) -> i64 { a[0] + a[1] + a[2] }

fn main() {
    let a = [1, 2, 3];
    println("{}", total(a));
}
