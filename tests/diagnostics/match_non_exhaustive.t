// A `match` must cover every value: the missing case is named.
enum Shape {
    Circle(f64),
    Rect { w: f64, h: f64 },
    Empty,
}

fn area(s: Shape) -> f64 {
    match s {
        Shape::Circle(r) => r * r,
        Shape::Empty => 0.0,
    }
}

fn sign(n: i8) -> i8 {
    match n {
        i8::MIN..=-1 => -1,
        1..=i8::MAX => 1,
    }
}

fn both(a: bool, b: bool) -> u8 {
    match (a, b) {
        (true, true) => 3,
        (false, _) => 0,
    }
}

fn main() {
    println("{} {} {}", area(Shape::Empty) as i64, sign(3), both(true, false));
}
