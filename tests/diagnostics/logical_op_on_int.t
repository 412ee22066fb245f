// `&&` needs bool operands.
fn main() {
    let a = 1;
    let b = 2;
    if a && b {
        println("both");
    }
}
