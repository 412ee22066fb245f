// A parameter taken by value gets a value, not a reference.
fn double(x: i64) -> i64 { x * 2 }

fn main() {
    let n = 21;
    println("{}", double(&n));
}
