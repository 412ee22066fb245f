trait Area { fn area(&self) -> f64; }
struct Sq { s: f64 }

impl Areaa for Sq {}
impl Sq for Sq {}

fn f<T: Sq>(x: T) {}
fn g(a: Area) {}
fn h<T>(x: T) where i64: Area {}
fn k(x: [dyn Area; 2]) {}

fn main() {
    let v = Area::perimeter(1.0);
}
