pub struct Point { x: f64, y: f64 }

impl Point {
    pub fn new(x: f64, y: f64) -> Point { Point { x, y: true } }
    pub fn norm(&self) -> f64 { (self.x * self.x + self.y * self.y).sqrt() }
}
