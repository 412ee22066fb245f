// Summaries of what a closure makes of each item.
#[derive(Debug, Hash)]
pub struct Summary { pub min: i64, pub max: i64, pub total: i64 }

pub fn summarize<I: Iterator<Item = i64>, F: Fn(i64) -> i64>(items: I, f: F) -> Summary {
    items.map(f).fold(Summary { min: i64::MAX, max: i64::MIN, total: 0 }, |s, v| Summary {
        min: s.min.min(v),
        max: s.max.max(v),
        total: s.total + v,
    })
}

/** The numbers from `start` up to, not including, `end`. */
pub struct Window { next: i64, end: i64 }

impl Window {
    pub fn new(start: i64, end: i64) -> Window { Window { next: start, end: end } }
}

impl Iterator for Window {
    type Item = i64;
    fn next(&mut self) -> Option<i64> {
        if self.next >= self.end { return None; }
        self.next += 1;
        Some(self.next - 1)
    }
}

pub fn fingerprint(s: &Summary) -> u64 {
    let mut h = Hasher::new();
    s.hash(&mut h);
    h.finish()
}
