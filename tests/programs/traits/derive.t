#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Point { x: i64, y: i64 }

#[derive(Debug, PartialEq, Clone)]
enum Shape { Circle(f64), Rect { w: f64, h: f64 }, Dot }

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
enum Level { Low, Mid(u8), High }

#[derive(Debug, Default)]
struct Wrap<T> { inner: T, n: u8 }

#[derive(Debug)]
struct Pair(i32, bool);

#[derive(Debug)]
struct Unit;

fn main() {
    let p = Point { x: 1, y: -2 };
    let q = p.clone();
    println("{:?} {} {}", p, p == q, p < Point { x: 1, y: 0 });
    println("{:?}", Point::default());
    println("{:?}", [Shape::Circle(1.5), Shape::Rect { w: 2.0, h: 3.0 }, Shape::Dot]);
    println("{}", Shape::Dot == Shape::Dot);
    println("{:?} {:?}", Level::Mid(3).cmp(&Level::Mid(7)), Level::High > Level::Low);
    let w: Wrap<i64> = Wrap::default();
    println("{:?}", w);
    println("{:?} {:?}", Pair(3, true), Unit);
    println("{:?} {:?}", Some(5), None::<i64>);
    let r: Result<i64, String> = Err("bad");
    println("{:?}", r);
    println("{:?}", (Some(Level::Low), Level::High.max(Level::Mid(1))));
}
