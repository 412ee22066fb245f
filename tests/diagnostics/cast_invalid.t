// `as` only converts between primitive types, and only `u8` becomes `char`.
fn main() {
    let s = "text";
    let a = s as i32;
    let b = 65u32 as char;
    let c = 1.5 as bool;
    println("{} {} {}", a, b, c);
}
