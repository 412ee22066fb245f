pub mod shapes;

pub struct Point { pub x: i64, pub y: i64 }

// Aliases are public or private like any item.
pub type Grid = [[i64; 2]; 2];
pub type Pair<T> = (T, T);
pub type Scale = shapes::Scaled;

pub fn origin() -> Point { Point { x: 0, y: 0 } }

pub fn manhattan(a: Point, b: Point) -> i64 { abs(b.x - a.x) + abs(b.y - a.y) }

fn abs(v: i64) -> i64 { if v < 0 { -v } else { v } }
