// Calling a function that does not exist.
fn helper(x: i64) -> i64 {
    x * 2
}

fn main() {
    let a = helper(1);
    let b = frobnicate(a);
    println("{}", b);
}
