pub mod defaults;

pub struct Limits { pub low: i64, pub high: i64 }

pub fn describe(l: &Limits) -> String {
    if l.high - l.low > defaults::MAX_ITEMS / 2 { "wide" } else { "narrow" }
}
