class Meters(f64);

fn main() {}
