// `!` on a String.
fn main() {
    let s = "text";
    let t = !s;
    println("{}", t);
}
