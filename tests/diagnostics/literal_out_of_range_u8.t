// A literal that does not fit the type the context gives it.
fn main() {
    let small: u8 = 256;
    let fine: i8 = -128;
    let negative: i8 = -129;
    println("{} {} {}", small, fine, negative);
}
