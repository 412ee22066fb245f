// Calling something that is not a function.
fn main() {
    let f = 5;
    let y = f(1);
    println("{}", y);
}
