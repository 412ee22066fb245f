// `+` is not defined for String in this slice of the language.
fn main() {
    let s = "a" + "b";
    println("{}", s);
}
