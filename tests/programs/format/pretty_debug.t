#[derive(Debug)]
struct P { x: i64, y: (i64, bool) }
#[derive(Debug)]
enum Shape { Dot, Circle(f64), Rect { w: i64, h: i64 } }
#[derive(Debug)]
struct Scene { name: String, shapes: [Shape; 3], origin: P, empty: [i64; 0] }
fn main() {
    println("{:#?}", P { x: 1, y: (2, true) });
    println("{:#?}", [1, 2]);
    let s = Scene { name: "demo", shapes: [Shape::Dot, Shape::Circle(1.5), Shape::Rect { w: 2, h: 3 }], origin: P { x: 0, y: (0, false) }, empty: [] };
    println("{:#?}", s);
    println("{:?}", s);
    println("{:#?}", ((1,), ()));
    more();
}
fn more() {
    let o: Option<P> = Some(P { x: 5, y: (6, true) });
    println("{:#?}", o);
    let r: Result<i64, String> = Err("bad");
    println("{:#?} {:?}", r, o);
}
