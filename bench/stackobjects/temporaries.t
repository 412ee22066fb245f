// Temporary objects in a hot loop: a vector class built, combined and read every round.
class Vec2 { x: f64, y: f64 }

impl Vec2 {
    fn dot(&self, o: &Vec2) -> f64 { self.x * o.x + self.y * o.y }
}

fn main() {
    let mut acc = 0.0;
    for i in 0..50000000 {
        let a = Vec2 { x: i as f64, y: 1.0 };
        let b = Vec2 { x: 0.5, y: (i % 7) as f64 };
        acc += a.dot(&b);
    }
    println("{}", acc);
}
