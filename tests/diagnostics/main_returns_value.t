// `main` returns ().
fn main() -> i64 {
    0
}
