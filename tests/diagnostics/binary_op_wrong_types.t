// Arithmetic on a bool.
fn main() {
    let x = 1 + true;
    println("{}", x);
}
