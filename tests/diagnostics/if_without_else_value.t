// An `if` without `else` has type () and cannot produce an i64.
fn main() {
    let flag = true;
    let v: i64 = if flag { 1 };
    println("{}", v);
}
