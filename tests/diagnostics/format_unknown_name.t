// A named placeholder for a variable that does not exist.
fn main() {
    let name = "T";
    println("hello, {nmae}");
}
