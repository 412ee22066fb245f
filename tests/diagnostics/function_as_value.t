// Functions are not values in this slice of the language.
fn double(x: i64) -> i64 {
    x * 2
}

fn main() {
    let g = double;
    println("{}", g);
}
