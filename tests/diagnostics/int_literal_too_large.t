// 2^63 does not fit in an i64 unless it is negated.
fn main() {
    let ok = -9223372036854775808;
    let bad = 9223372036854775808;
    println("{} {}", ok, bad);
}
