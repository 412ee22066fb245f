// Type errors in module files name the module's file and its qualified types.
mod geometry;

fn main() {
    let p = geometry::Point::new(1.0, 2.0);
    let n: i64 = p.norm();
    println("{}", n);
}
