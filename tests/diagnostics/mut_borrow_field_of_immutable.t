// `&mut` of a field or an element needs the whole variable to be `mut`.
struct Point { x: i64, y: i64 }

fn inc(v: &mut i64) { v += 1; }

fn main() {
    let p = Point { x: 1, y: 2 };
    inc(&mut p.x);
    let grid = [[0; 2]; 2];
    inc(&mut grid[1][0]);
}
