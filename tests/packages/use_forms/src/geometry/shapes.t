pub enum Shape { Circle(i64), Square(i64), Dot }

pub struct Scaled { pub factor: i64 }

impl Scaled {
    pub fn new(factor: i64) -> Scaled { Scaled { factor } }
}

pub fn area(s: &Shape) -> i64 {
    match s {
        Shape::Circle(r) => 3 * r * r,
        Shape::Square(w) => w * w,
        Shape::Dot => 0,
    }
}

pub fn count() -> i64 { 3 }
