// Traits: required and default methods, supertraits, associated functions and types,
// static dispatch through bounds, and calls through the trait's name.

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String;
    fn describe(&self) {
        println("{} with area {:.2}", self.name(), self.area());
    }
    fn bigger_than(&self, limit: f64) -> bool {
        self.area() > limit
    }
}

struct Circle { r: f64 }
struct Rect { w: f64, h: f64 }

impl Shape for Circle {
    fn area(&self) -> f64 { 3.141592653589793 * self.r * self.r }
    fn name(&self) -> String { "circle" }
}

impl Shape for Rect {
    fn area(&self) -> f64 { self.w * self.h }
    fn name(&self) -> String { "rect" }
    // Overrides the default.
    fn describe(&self) {
        println("a {}x{} rect", self.w, self.h);
    }
}

fn report<S: Shape>(s: S) -> bool {
    s.describe();
    s.bigger_than(10.0)
}

trait Counter {
    type Item;
    fn next_item(&mut self) -> Option<Self::Item>;
}

struct Countdown { n: i64 }

impl Counter for Countdown {
    type Item = i64;
    fn next_item(&mut self) -> Option<i64> {
        if self.n == 0 {
            None
        } else {
            self.n -= 1;
            Some(self.n + 1)
        }
    }
}

fn drain_sum<C: Counter<Item = i64>>(mut c: C) -> i64 {
    let mut total = 0;
    while let Some(x) = c.next_item() {
        total += x;
    }
    total
}

trait Named {
    fn label() -> String;
}

trait Greeter: Named {
    fn greet(&self) {
        println("hello from {}", Self::label());
    }
}

struct Robot;

impl Named for Robot {
    fn label() -> String { "robot" }
}

impl Greeter for Robot {}

fn make<T: Default>() -> T {
    Default::default()
}

struct Config { level: i32, verbose: bool }

impl Default for Config {
    fn default() -> Config { Config { level: 3, verbose: false } }
}

fn main() {
    println("{}", report(Circle { r: 2.0 }));
    println("{}", report(Rect { w: 2.0, h: 3.0 }));
    println("{}", drain_sum(Countdown { n: 4 }));
    Robot.greet();
    println("{}", Robot::label());
    let c: Config = make();
    println("{} {}", c.level, c.verbose);
    let d = Config::default();
    println("{}", d.level + 1);
    let n: i64 = make();
    println("{}", n);
}
