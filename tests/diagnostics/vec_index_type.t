// A Vec indexed by an i64: one error per index, with the conversion to write, and nothing
// more about what the element is used for (it used to add "cannot be formatted").
fn main() {
    let mut v: Vec<i64> = Vec::new();
    v.push(1);
    let i = 2 + std::env::arg_count();
    println("{}", v[i]);
    let x = v[i] + 1;
}
