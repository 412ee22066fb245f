// A module does not see the crate root's items without a path (E0425, E0412, E0405, E0433).
struct Point { x: i64 }
trait Shape { fn area(&self) -> i64; }
fn helper() -> i64 { 1 }
const LIMIT: i64 = 10;

mod inner {
    pub fn f(p: Point) -> i64 { helper() + LIMIT }
    pub fn g<T: Shape>(t: T) -> i64 { Point::origin() }
    pub fn ok(p: super::Point) -> i64 { crate::helper() + super::LIMIT }
}

fn main() {}
