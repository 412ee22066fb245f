pub trait Shape { fn area(&self) -> i64; }

pub struct Square { pub side: i64 }

impl Shape for Square { fn area(&self) -> i64 { self.side * self.side } }

pub fn total_area<F: Fn(i64) -> i64>(s: &dyn Shape, scale: F) -> i64 { scale(s.area()) }
