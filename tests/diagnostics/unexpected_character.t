// A character that cannot start any token.
fn main() {
    let price = 5 $ 3;
    println("{}", price);
}
