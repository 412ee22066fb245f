// Traits, impls and generics across modules: a trait declared in one module,
// implemented in another for types of a third; generic functions and a generic
// container used from the root with several types; derives and operator traits.
mod algo;
mod collections;
mod shapes;
mod traits;

use algo::{largest, sum_areas};
use collections::Stack;
use shapes::{Circle, Square, Vec2};
use traits::Area;

fn main() {
    let c = Circle { r: 2.0 };
    let s = Square { side: 3.0 };
    println("{} {}", c.area(), s.area());
    println("{} {}", c.name(), s.name());
    println("{}", sum_areas(c, s));
    println("{} {} {}", largest(3, 9), largest(2.5, -1.0), largest('a', 'z'));

    let mut ints: Stack<i64> = Stack::new();
    ints.push(1);
    ints.push(2);
    ints.push(3);
    println("{:?} {}", ints.pop(), ints.len());

    let mut circles = Stack::new();
    circles.push(Circle { r: 1.0 });
    circles.push(Circle { r: 0.5 });
    let top = circles.peek().unwrap();
    println("{:?} {}", top, top == Circle { r: 0.5 });

    let v = Vec2 { x: 1, y: 2 } + Vec2 { x: 10, y: 20 };
    println("{:?} {}", v, v);
    println("{:?}", algo::pick(true, Square { side: 1.0 }, Square { side: 2.0 }).side);
}
