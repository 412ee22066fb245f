// Q16.16 fixed-point arithmetic in i32 with explicit rounding, and a hash that relies on
// wrapping multiplication.
const ONE: i32 = 1 << 16;

fn from_int(n: i32) -> i32 { n * ONE }

fn mul(a: i32, b: i32) -> i32 {
    ((a as i64 * b as i64 + (1 << 15)) >> 16) as i32
}

fn div(a: i32, b: i32) -> i32 {
    (((a as i64) << 16) / b as i64) as i32
}

fn show(x: i32) {
    let neg = x < 0;
    let m = if neg { -(x as i64) } else { x as i64 };
    let whole = m >> 16;
    let frac = ((m & 0xffff) * 10000 + (1 << 15)) >> 16;
    print("{}{}.{:04}", if neg { "-" } else { "" }, whole, frac);
}

fn sqrt_fixed(x: i32) -> i32 {
    // Newton iterations in fixed point
    let mut g = if x > ONE { x / 2 } else { ONE };
    for _ in 0..20 {
        g = (g + div(x, g)) / 2;
    }
    g
}

fn main() {
    let a = from_int(3) + ONE / 4; // 3.25
    let b = -from_int(1) - ONE / 2; // -1.5
    show(a); print(" * "); show(b); print(" = "); show(mul(a, b)); println();
    show(a); print(" / "); show(b); print(" = "); show(div(a, b)); println();
    show(sqrt_fixed(from_int(2))); println();
    show(sqrt_fixed(from_int(10000))); println();
    let mut acc = ONE;
    for _ in 0..10 { acc = mul(acc, ONE + ONE / 10); }
    print("1.1^10 = "); show(acc); println();

    let data = [3u32, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
    let mut h: u32 = 2166136261;
    for d in data {
        h ^= d;
        h = h.wrapping_mul(16777619);
    }
    println("fnv {:08x}", h);
    let w: i32 = i32::MAX.wrapping_add(1);
    let z: u8 = 0u8.wrapping_sub(1);
    let m: i16 = 300i16.wrapping_mul(300);
    println("{} {} {}", w, z, m);
}
