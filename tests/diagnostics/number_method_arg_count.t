// Methods of numbers check how many arguments they get.
fn main() {
    let n: i64 = 5;
    let x: f64 = 2.0;
    let a = n.pow();
    let b = x.sqrt(2.0);
    let c = n.max(1, 2);
    let d = n.count_ones(3);
}
