// A program without `main`.
fn helper() -> i64 {
    1
}
