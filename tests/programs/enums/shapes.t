// Enums with unit, tuple and struct variants; match with every pattern form.
enum Shape {
    Circle(f64),
    Rect { w: f64, h: f64 },
    Square(f64),
    Empty,
}

impl Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle(r) => 3.0 * r * r,
            Shape::Rect { w, h } => w * h,
            Shape::Square(side) => side * side,
            Shape::Empty => 0.0,
        }
    }

    fn name(&self) -> String {
        match self {
            Shape::Circle(_) => "circle",
            Shape::Rect { .. } => "rect",
            Shape::Square(_) | Shape::Empty => "other",
        }
    }
}

fn main() {
    let shapes = (Shape::Circle(2.0), Shape::Rect { w: 3.0, h: 4.5 }, Shape::Square(3.0), Shape::Empty);
    println("{} {}", shapes.0.name(), shapes.0.area() as i64);
    println("{} {}", shapes.1.name(), shapes.1.area() as i64);
    println("{} {}", shapes.2.name(), shapes.2.area() as i64);
    println("{} {}", shapes.3.name(), shapes.3.area() as i64);
}
