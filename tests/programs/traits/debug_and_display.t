// A type with both `Debug` (derived) and `Display` (written): `{:?}` and `{}` each call
// their own `fmt`, though the two methods share a name.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Vec2 { x: i64, y: i64 }

impl Display for Vec2 {
    fn fmt(&self, f: &mut Formatter) { write(f, "({}, {})", self.x, self.y) }
}

enum Level { Low, High }

impl Debug for Level {
    fn fmt(&self, f: &mut Formatter) {
        match self {
            Level::Low => write(f, "Level::Low"),
            Level::High => write(f, "Level::High"),
        }
    }
}

impl Display for Level {
    fn fmt(&self, f: &mut Formatter) {
        match self {
            Level::Low => write(f, "low"),
            Level::High => write(f, "high"),
        }
    }
}

fn main() {
    let v = Vec2 { x: 1, y: -2 };
    println("{:?} {}", v, v);
    println("{} {:?}", v, v);
    println("{:?} {} {} {:?}", Level::Low, Level::Low, Level::High, Level::High);
}
