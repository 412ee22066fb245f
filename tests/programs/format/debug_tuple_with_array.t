// `{:?}` of a tuple whose elements include an array (printed with a loop) and come after it.
fn main() {
    let t: Result<(i64, [i64; 2], String), i64> = Ok((1, [2, 3], "s"));
    println("{:?}", t.unwrap());
    println("{:?}", ([[1], [2]], (4, [5, 6]), 'c'));
}
