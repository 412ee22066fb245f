// Recursion tens of thousands of frames deep.
fn sum_to(n: i64) -> i64 {
    if n == 0 { 0 } else { n + sum_to(n - 1) }
}

fn depth(n: i64, acc: i64) -> i64 {
    if n == 0 { acc } else { depth(n - 1, acc + 2) }
}

fn main() {
    println("{}", sum_to(10000));
    println("{}", sum_to(30000));
    println("{}", depth(30000, 0));
}
