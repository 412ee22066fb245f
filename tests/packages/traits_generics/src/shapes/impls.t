// The trait comes from `crate::traits`, the types from the parent module.
use crate::traits::Area;
use super::{Circle, Square, Vec2};

impl Area for Circle {
    fn area(&self) -> f64 { 3.0 * self.r * self.r }
    fn name(&self) -> String { "circle" }
}

impl Area for Square {
    fn area(&self) -> f64 { self.side * self.side }
}

impl Add for Vec2 {
    type Output = Vec2;
    fn add(self, rhs: Vec2) -> Vec2 { Vec2 { x: self.x + rhs.x, y: self.y + rhs.y } }
}

impl Display for Vec2 {
    fn fmt(&self, f: &mut Formatter) { write(f, "({}, {})", self.x, self.y) }
}
