// Operator traits on user types: arithmetic, negation, equality and ordering.

struct V2 {
    x: f64,
    y: f64,
}

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 { V2 { x: self.x + o.x, y: self.y + o.y } }
}

impl Sub for V2 {
    type Output = V2;
    fn sub(self, o: V2) -> V2 { V2 { x: self.x - o.x, y: self.y - o.y } }
}

impl Mul<f64> for V2 {
    type Output = V2;
    fn mul(self, k: f64) -> V2 { V2 { x: self.x * k, y: self.y * k } }
}

impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 { V2 { x: -self.x, y: -self.y } }
}

impl PartialEq for V2 {
    fn eq(&self, o: &V2) -> bool { self.x == o.x && self.y == o.y }
}

impl Display for V2 {
    fn fmt(&self, f: &mut Formatter) { write(f, "<{}, {}>", self.x, self.y) }
}

struct Money {
    cents: i64,
}

impl PartialEq for Money {
    fn eq(&self, o: &Money) -> bool { self.cents == o.cents }
}

impl Eq for Money {}

impl PartialOrd for Money {
    fn partial_cmp(&self, o: &Money) -> Option<Ordering> { Some(self.cmp(&o)) }
}

impl Ord for Money {
    fn cmp(&self, o: &Money) -> Ordering { self.cents.cmp(&o.cents) }
}

impl Display for Money {
    fn fmt(&self, f: &mut Formatter) { write(f, "${}.{:02}", self.cents / 100, self.cents % 100) }
}

fn biggest<T: Ord + Copy>(a: T, b: T, c: T) -> T {
    a.max(b).max(c)
}

struct Flags {
    bits: u8,
}

impl Not for Flags {
    type Output = Flags;
    fn not(self) -> Flags { Flags { bits: !self.bits } }
}

fn main() {
    let a = V2 { x: 1.0, y: 2.0 };
    let b = V2 { x: 0.5, y: -1.0 };
    println("{}", a + b);
    println("{}", a - b);
    println("{}", a * 3.0);
    println("{}", -a);
    println("{} {}", a == b, a != b);
    println("{}", (a + b) * 2.0 == V2 { x: 3.0, y: 2.0 });

    let cheap = Money { cents: 199 };
    let pricey = Money { cents: 12050 };
    println("{} < {}: {}", cheap, pricey, cheap < pricey);
    println("{}", cheap >= pricey);
    println("{}", cheap.cmp(&pricey) == Ordering::Less);
    println("biggest {}", biggest(3, 11, 7));
    println("biggest {}", biggest('a', 'c', 'b'));
    let m = cheap.max(pricey);
    println("max {}", m);
    println("{}", (!Flags { bits: 15 }).bits);
    println("{}", 5i64.clamp(1, 3));
}
