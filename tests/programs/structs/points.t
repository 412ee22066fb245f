// Named structs, impl blocks with associated functions and every kind of `self`.
struct Point {
    x: i64,
    y: i64,
}

impl Point {
    fn new(x: i64, y: i64) -> Point {
        Point { x, y }
    }

    fn origin() -> Self {
        Self { x: 0, y: 0 }
    }

    fn manhattan(&self) -> i64 {
        abs(self.x) + abs(self.y)
    }

    fn shift(&mut self, dx: i64, dy: i64) {
        self.x += dx;
        self.y = self.y + dy;
    }

    fn swapped(self) -> Point {
        Point { x: self.y, y: self.x }
    }

    fn doubled(mut self) -> Point {
        self.x *= 2;
        self.y *= 2;
        self
    }
}

fn abs(v: i64) -> i64 {
    if v < 0 { -v } else { v }
}

fn main() {
    let mut p = Point::new(3, -4);
    println("{} {} {}", p.x, p.y, p.manhattan());
    p.shift(10, 1);
    println("{} {}", p.x, p.y);
    let q = p.swapped();
    println("{} {} (p is still {} {})", q.x, q.y, p.x, p.y);
    let r = q.doubled().doubled();
    println("{} {}", r.x, r.y);
    let o = Point::origin();
    println("{}", o.manhattan() + Point::new(1, 1).manhattan());
}
