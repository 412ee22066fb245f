// Comparing values of different types.
fn main() {
    let n = 1;
    if n == "1" {
        println("equal");
    }
}
