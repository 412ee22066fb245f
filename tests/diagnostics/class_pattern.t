class Point { x: i64, y: i64 }

fn main() {
    let p = Point { x: 1, y: 2 };
    let Point { x, y } = p;
    println("{} {}", x, y);
}
