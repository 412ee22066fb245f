// Strings are ordered among themselves (byte-wise), not against numbers.
fn main() {
    let a = "apple";
    if a < 5 {
        println("apple first");
    }
}
