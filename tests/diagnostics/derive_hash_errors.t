// `#[derive(Hash)]` needs every field to be `Hash`; floats are not (as in Rust).
#[derive(Debug, Hash)]
struct P { x: i64, ratio: f64 }

fn main() {
    let mut h = Hasher::new();
    P { x: 1, ratio: 0.5 }.hash(&mut h);
}
