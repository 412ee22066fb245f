// Enum variants are built with the right number of values and every named field.
enum Shape {
    Circle(i64),
    Rect { w: i64, h: i64 },
    Empty,
}

fn main() {
    let a = Shape::Circle(1, 2);
    let b = Shape::Rect { w: 1 };
    let c = Shape::Rect { w: 1, h: 2, depth: 3 };
    let d = Shape::Triangle(3);
}
