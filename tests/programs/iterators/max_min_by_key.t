// max_by_key / min_by_key: the last greatest, the first least (as Rust), None when empty.
fn main() {
    let xs: [i64; 5] = [3, -7, 5, 7, -2];
    println("{:?}", (0..5).max_by_key(|i| xs[i]));
    println("{:?}", (0..5).min_by_key(|i| xs[i] * xs[i]));
    println("{:?}", (0..5).max_by_key(|i| xs[i].abs()));
    println("{:?}", (0..0).max_by_key(|i: i64| i));
}
