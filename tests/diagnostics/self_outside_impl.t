// `self` belongs to methods, and `Self` to impl blocks.
fn free(&self) -> i64 {
    1
}

fn main() {
    let x: Self = 5;
}
