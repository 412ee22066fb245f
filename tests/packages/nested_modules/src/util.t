pub(crate) fn clamp(x: i64, lo: i64, hi: i64) -> i64 {
    if x < lo { lo } else if x > hi { hi } else { x }
}

// An inline module inside a file module; its own children would live in `util/math/`.
pub mod math {
    pub fn gcd(a: i64, b: i64) -> i64 {
        if b == 0 { a } else { gcd(b, a % b) }
    }

    pub fn lcm(a: i64, b: i64) -> i64 {
        a / self::gcd(a, b) * b
    }
}
