// iterchain: Rust counterpart of iterchain.t (the same iterator pipeline).
fn main() {
    let n: i64 = @N@ + std::env::args().count() as i64 - 1;
    let modulus = 1000000007i64;
    let weighted = (0..n)
        .filter(|x| x % 3 != 0)
        .map(|x| (x * x) % modulus)
        .zip((0..n).rev())
        .enumerate()
        .fold(0i64, |acc, (i, (sq, back))| (acc * 31 + sq + (back ^ i as i64) % 1000) % modulus);
    let evens: i64 = (0..n).step_by(2).map(|x| x % 1000).sum();
    println!("iterchain({}) = {} {}", n, weighted, evens);
}
