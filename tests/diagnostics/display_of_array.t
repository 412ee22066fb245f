// Arrays have no `{}` (Display) form; `{:?}` prints them.
fn main() {
    let a = [1, 2, 3];
    println("{}", a);
}
