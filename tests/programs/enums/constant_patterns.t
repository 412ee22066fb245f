// Constants as patterns: `u8::MIN`, `i32::MAX`, named constants; and MIN % -1 still traps.
const LIMIT: u32 = 10;

fn describe(x: u8) -> String {
    match x {
        u8::MIN => "min",
        u8::MAX => "max",
        _ => "other",
    }
}

fn near(n: u32) -> String {
    match n {
        LIMIT => "at the limit",
        0..=9 => "below",
        _ => "above",
    }
}

fn main() {
    println("{} {} {}", describe(0), describe(255), describe(7));
    println("{} {} {}", near(10), near(3), near(99));
}
