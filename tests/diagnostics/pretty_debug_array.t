// `{:#?}` (pretty Debug) is not implemented for arrays yet.
fn main() {
    let a = [1, 2, 3];
    println("{:#?}", a);
}
