// Specs must be well-formed and fit the value's type.
fn main() {
    let s = "text";
    println("{:x}", s);
    println("{:e}", true);
    println("{:q}", 1);
    println("{:.}", 1);
    println("{:1$}", 1, 2);
}
