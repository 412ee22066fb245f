#[derive(Debug, Clone, Copy)]
struct Item { name: i64, qty: i64, price: f64 }

struct Countdown { n: i64 }

impl Iterator for Countdown {
    type Item = i64;
    fn next(&mut self) -> Option<i64> {
        if self.n == 0 { return None; }
        self.n -= 1;
        Some(self.n + 1)
    }
}

fn main() {
    for x in (0..5).rev() { print("{x} "); }
    println("");
    for (i, x) in (10..13).enumerate() { print("{i}:{x} "); }
    println("");
    for (a, b) in (1..4).zip(7..100) { print("{a}{b} "); }
    println("");
    for x in (0..3).chain(10..12) { print("{x} "); }
    println("");
    for x in (0..100).skip(3).step_by(10).take(4) { print("{x} "); }
    println("");
    for x in (Countdown { n: 3 }) { print("{x} "); }
    println("");
    let evens = (1..=20).filter(|x| x % 2 == 0);
    let squares = evens.map(|x| x * x);
    let s: i64 = squares.sum();
    println("{s}");
    println("{}", Countdown { n: 4 }.fold(0, |acc, x| acc * 10 + x));
    println("{} {}", (1..10).any(|x| x == 7), (1..10).all(|x| x < 5));
    println("{:?} {:?}", (1..10).find(|x| x * x > 20), (1..10).position(|x| x == 4));
    println("{:?} {:?}", (1..10).last(), (1..10).nth(20));
    let limit = 30;
    println("{}", (1..100).take_while(|x| x * x < limit).count());
    let items = [Item { name: 1, qty: 3, price: 2.5 }, Item { name: 2, qty: 0, price: 9.0 }, Item { name: 3, qty: 2, price: 1.25 }];
    let value: f64 = (0..3).map(|i| items[i].price * items[i].qty as f64).sum();
    println("{value}");
    let p: i64 = (1..=10).product();
    println("{p}");
    (0..3).for_each(|x| print("<{x}>"));
    println("");
    for x in (250u8..=255).rev() { print("{x} "); }
    println("");
    for x in (-128i8..=-126).map(|v| v as i64 * 2) { print("{x} "); }
    println("");
}
