// Trait objects: behind a reference parameter only, object-safe traits only,
// the trait must be implemented, and the value cannot be copied out.
trait Shape { fn area(&self) -> i64; }
trait Makes { fn make() -> Self; }
trait Grows { fn grow(&mut self); }

struct Sq { s: i64 }
impl Shape for Sq { fn area(&self) -> i64 { self.s * self.s } }
struct Plain { v: i64 }

fn owned(s: dyn Shape) {}
fn unsafe_object(m: &dyn Makes) {}
fn copy_out(s: &dyn Shape) -> i64 {
    let t = s;
    s.perimeter()
}
fn area_of(s: &dyn Shape) -> i64 { s.area() }
fn grow(g: &dyn Grows) { g.grow(); }

fn main() {
    let p = Plain { v: 1 };
    area_of(&p);
    area_of(Sq { s: 2 });
}
