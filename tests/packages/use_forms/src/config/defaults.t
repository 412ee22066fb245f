pub const MAX_ITEMS: i64 = 64;
pub static GREETING: String = "hello from config::defaults";

pub fn greeting() -> String { GREETING }
