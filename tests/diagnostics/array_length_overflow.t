// A negative array length is rejected.
const N: i64 = 2 - 5;
fn main() {
    let a = [0u8; N];
}
