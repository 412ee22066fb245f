// Structs inside structs, tuple structs, unit structs, and mutation through nested places.
struct Vec2(f64, f64);

struct Size {
    w: u32,
    h: u32,
}

struct Rect {
    origin: (i32, i32),
    size: Size,
    visible: bool,
}

struct Marker;

impl Rect {
    fn area(&self) -> u32 {
        self.size.w * self.size.h
    }

    fn grow(&mut self, by: u32) {
        self.size.w += by;
        self.size.h += by;
        self.origin.0 -= by as i32;
    }
}

impl Marker {
    fn label(&self) -> String { "marker" }
}

fn main() {
    let mut r = Rect { visible: true, size: Size { w: 3, h: 4 }, origin: (10, 20) };
    println("{} {} {}", r.area(), r.origin.0, r.visible);
    r.grow(2);
    println("{} {} {}", r.area(), r.origin.0, r.size.w);
    r.size.h = 1;
    println("{}", r.area());
    let v = Vec2(1.5, 2.5);
    let sum = v.0 + v.1;
    println("{}", sum as i64);
    let m = Marker;
    println("{}", m.label());
    println("{}", Rect { origin: (0, 0), size: Size { w: 7, h: 6 }, visible: false }.area());
}
