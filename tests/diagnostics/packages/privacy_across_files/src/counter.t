pub struct Counter { count: i64 }

impl Counter {
    pub fn new() -> Counter { Counter { count: 0 } }
    pub fn bump(&mut self) { self.count += 1; }
    fn check(&self) -> bool { self.count >= 0 }
}
