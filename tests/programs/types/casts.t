// `as` between numeric types, from bool and char, and u8 to char.
fn main() {
    let big: i64 = 300;
    println("{} {} {}", big as u8, big as i8, -1i64 as u16);
    println("{} {}", 255u8 as i8, -1i32 as u32);
    println("{} {}", -5i8 as i64, 200u8 as i64);
    println("{} {}", true as i32, false as u8);
    println("{} {}", 'A' as u32, 'é' as u8);
    println("{} {}", 97u8 as char, (65u8 + 2) as char);
    let x: i32 = 1_000_000;
    println("{}", x as i16);
    println("{} {}", 3000000000u32 as i32, u64cast());
}

fn u64cast() -> u64 {
    let n: i64 = -2;
    n as u64
}
