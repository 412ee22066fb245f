// Floats print the shortest decimal that reads back as the same number, like Rust.
fn main() {
    let x = 0.1 + 0.2;
    println("{} {} {}", x, 1.0, -0.5);
    println("{} {} {}", 1e21, 1e-7, 123456789.125);
    println("{:?} {:?} {:?}", 1.0, 1e16, 0.1f32);
    println("{:.2} {:.0} {:8.3}|", 3.14159, 2.5, 1.0 / 3.0);
    println("{:e} {:.2e}", 1234.5, 0.000123);
    let f: f32 = 1.1;
    println("{} {}", f, f as f64);
    let inf = 1.0 / 0.0;
    let nan = 0.0 / 0.0;
    println("{} {} {}", inf, -inf, nan);
    println("{} {}", 7.0 / 2.0, 2.0f64 * 1.5);
    println("{}", (2.9f64 as i32) + (-2.9f64 as i32));
}
