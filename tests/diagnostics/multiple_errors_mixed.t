// Errors of different kinds in one file.
fn main() {
    let limit = 10;
    let mut i = 0;
    while i < limt {
        i += 1;
    }
    break;
    println("{} {}", i);
    let s: String = i;
}
