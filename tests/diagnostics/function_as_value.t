// Functions are values of `fn` types, but methods and functions with reference
// parameters are not (wrap them in a closure), and a `fn` value has no Display.
struct Meter { v: i64 }
impl Meter { fn get(&self) -> i64 { self.v } }

fn double(x: i64) -> i64 {
    x * 2
}

fn bump(x: &mut i64) { x += 1; }

fn main() {
    let g = double;
    println("{}", g);
    let m = Meter::get;
    let b = bump;
}
