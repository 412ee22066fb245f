// A struct pattern names fields the struct has, and covers the rest with `..`.
struct Point { x: i64, y: i64 }

fn main() {
    let p = Point { x: 1, y: 2 };
    let Point { x, y, weight } = p;
    let Point { y } = p;
}
