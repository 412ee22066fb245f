// `let` without an initializer is not supported yet.
fn main() {
    let x: i64;
    println("done");
}
