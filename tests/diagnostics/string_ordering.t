// Strings support == and != but not ordering comparisons.
fn main() {
    let a = "apple";
    let b = "banana";
    if a < b {
        println("apple first");
    }
}
