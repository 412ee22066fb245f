// Negating a bool.
fn main() {
    let flag = true;
    let x = -flag;
    println("{}", x);
}
