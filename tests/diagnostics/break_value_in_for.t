// Only `loop` can produce a value with `break`.
fn main() {
    for i in 0..3 {
        break i;
    }
}
