// Every integer type: literals take their type from context, suffixes, and annotations.
fn widen(x: u8) -> u64 { x as u64 * 1000 }

fn main() {
    let a: u8 = 255;
    let b: i8 = -128;
    let c: i16 = 32767;
    let d: u16 = 65535;
    let e: i32 = -2147483648;
    let f: u32 = 4294967295;
    let g: i64 = -9223372036854775808;
    let h: u64 = 18446744073709551615;
    let i: isize = -1;
    let j: usize = 42;
    println("{} {} {} {} {} {} {} {} {} {}", a, b, c, d, e, f, g, h, i, j);
    let k = 7u8;
    let l = 300u16 + 1;
    let m = 0xffi32;
    println("{k} {l} {m} {}", widen(200));
    let mut n = 1;      // becomes u32 through the assignment below
    let o: u32 = 10;
    n = n + o;
    println("{}", n);
}
