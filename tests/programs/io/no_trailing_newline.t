// Output that does not end with a newline is still written out in full.
fn main() {
    println("first line");
    print("second line without newline");
}
