// Every field must be given, once, and only fields the struct has.
struct Point {
    x: i64,
    y: i64,
}

fn main() {
    let a = Point { x: 1 };
    let b = Point { x: 1, y: 2, z: 3 };
    let c = Point { x: 1, x: 2, y: 3 };
    println("{} {} {}", a.x, b.x, c.x);
}
