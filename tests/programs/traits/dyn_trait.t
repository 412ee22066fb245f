trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String { "shape" }
    fn grow(&mut self, by: f64);
}

struct Circle { r: f64 }
struct Rect { w: f64, h: f64 }

impl Shape for Circle {
    fn area(&self) -> f64 { 3.0 * self.r * self.r }
    fn name(&self) -> String { "circle" }
    fn grow(&mut self, by: f64) { self.r += by; }
}

impl Shape for Rect {
    fn area(&self) -> f64 { self.w * self.h }
    fn grow(&mut self, by: f64) { self.w += by; self.h += by; }
}

fn describe(s: &dyn Shape) {
    println("{} with area {}", s.name(), s.area());
}

fn enlarge(s: &mut dyn Shape) {
    s.grow(1.0);
    describe(&s);
}

fn total<T: Shape>(x: &T, y: &dyn Shape) -> f64 {
    let inner = |k: f64| y.area() * k;
    x.area() + inner(2.0)
}

fn main() {
    let mut c = Circle { r: 1.0 };
    let r = Rect { w: 2.0, h: 3.0 };
    describe(&c);
    describe(&r);
    enlarge(&mut c);
    println("{}", c.r);
    println("{}", total(&c, &r));
    more();
}

// A trait with a supertrait and a generic parameter, used through `dyn`.
trait Named { fn label(&self) -> i64; }
trait Scored: Named { fn score(&self, bonus: i64) -> i64; }

struct Player { id: i64, points: i64 }
struct Team { id: i64, members: [i64; 3] }

impl Named for Player { fn label(&self) -> i64 { self.id } }
impl Scored for Player { fn score(&self, bonus: i64) -> i64 { self.points + bonus } }
impl Named for Team { fn label(&self) -> i64 { self.id * 100 } }
impl Scored for Team {
    fn score(&self, bonus: i64) -> i64 {
        let mut s = bonus;
        for m in self.members { s += m; }
        s
    }
}

fn show(x: &dyn Scored, bonus: i64) {
    println("#{} scores {}", x.label(), x.score(bonus));
}

trait Convert<T> { fn convert(&self) -> T; }
impl Convert<i64> for Player { fn convert(&self) -> i64 { self.points * 2 } }
fn converted(x: &dyn Convert<i64>) -> i64 { x.convert() }

fn more() {
    let p = Player { id: 7, points: 40 };
    let t = Team { id: 3, members: [1, 2, 3] };
    show(&p, 2);
    show(&t, 10);
    println("{}", converted(&p));
}
