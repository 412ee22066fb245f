// Number suffixes must name a numeric type.
fn main() {
    let x = 10u7;
    println("{}", x);
}
