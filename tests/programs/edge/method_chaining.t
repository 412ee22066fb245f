// Builder-style chaining with `self` by value, methods on tuple structs, unit structs,
// associated consts and functions.
struct Pen { x: i32, y: i32, down: bool, drawn: i32, heading: u8 }

impl Pen {
    const STEP: i32 = 2;

    fn at(x: i32, y: i32) -> Pen {
        Pen { x, y, down: false, drawn: 0, heading: 0 }
    }
    fn down(mut self) -> Pen { self.down = true; self }
    fn up(mut self) -> Pen { self.down = false; self }
    fn turn(mut self) -> Pen { self.heading = (self.heading + 1) % 4; self }
    fn forward(mut self, n: i32) -> Pen {
        let d = n * Self::STEP;
        match self.heading {
            0 => self.x += d,
            1 => self.y += d,
            2 => self.x -= d,
            _ => self.y -= d,
        }
        if self.down { self.drawn += d; }
        self
    }
}

struct Celsius(f64);
struct Fahrenheit(f64);

impl Celsius {
    fn to_f(self) -> Fahrenheit { Fahrenheit(self.0 * 9.0 / 5.0 + 32.0) }
}

impl Fahrenheit {
    fn to_c(self) -> Celsius { Celsius((self.0 - 32.0) * 5.0 / 9.0) }
}

struct Origin;

impl Origin {
    fn distance2(self, p: (i32, i32)) -> i32 { p.0 * p.0 + p.1 * p.1 }
}

fn main() {
    let p = Pen::at(1, 1).down().forward(3).turn().forward(2).up().turn().forward(10).turn().down().forward(1);
    println("({}, {}) drawn {} heading {} down {}", p.x, p.y, p.drawn, p.heading, p.down);
    println("{}", Origin.distance2((p.x, p.y)));
    let f = Celsius(100.0).to_f();
    let c = Fahrenheit(-40.0).to_c();
    println("{} {} {}", f.0, c.0, Celsius(37.0).to_f().to_c().0);
    let Fahrenheit(raw) = Celsius(-273.15).to_f();
    println("{:.2}", raw);
}
