trait Shape {
    type Unit;
    fn area(&self) -> f64;
    fn name(&self) -> String { "shape" }
}

struct Sq { s: f64 }

impl Shape for Sq {
    fn perimeter(&self) -> f64 { 4.0 * self.s }
}

struct Circle { r: f64 }

impl Shape for Circle {
    type Unit = f64;
    type Color = i32;
    fn area(&self, scale: f64) -> f64 { self.r * scale }
}

struct Tri { b: f64 }

impl Shape for Tri {
    type Unit = f64;
    fn area(&self) -> i64 { 1 }
}

impl Shape for Tri {
    type Unit = f64;
    fn area(&self) -> f64 { 1.0 }
}

fn main() {}
