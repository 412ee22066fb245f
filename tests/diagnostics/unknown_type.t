// An unknown type name in a let annotation.
fn main() {
    let x: Integer = 5;
    println("{}", x);
}
