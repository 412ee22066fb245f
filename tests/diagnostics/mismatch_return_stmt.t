// A `return` with a value of the wrong type.
fn name(n: i64) -> String {
    if n == 0 {
        return 0;
    }
    "nonzero"
}

fn main() {
    println("{}", name(1));
}
