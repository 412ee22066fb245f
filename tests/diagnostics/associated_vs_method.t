// Associated functions are called on the type, methods on a value.
struct Temp {
    c: f64,
}

impl Temp {
    fn new(c: f64) -> Temp { Temp { c } }
    fn is_hot(&self) -> bool { self.c > 30.0 }
}

fn main() {
    let t = Temp::new(20.0);
    let u = t.new(5.0);
    let hot = Temp::is_hot(t);
    let v = Temp::create(1.0);
}
