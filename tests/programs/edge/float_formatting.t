// Float printing: shortest round-trip digits, precision with ties to even, exponents,
// widths, signs, special values, and f32 versus f64.
fn main() {
    let values = [0.1, 2.5, -0.0, 1.0 / 3.0, 123456789.125, 1e-7, 6.02214076e23, 0.000123];
    for v in values {
        println("{} | {:?} | {:.2} | {:e} | {:>12.3} | {:+.1}", v, v, v, v, v, v);
    }
    println("{:.0} {:.0} {:.0} {:.0}", 0.5, 1.5, 2.5, -3.5);
    println("{:.1} {:.1} {:.1}", 0.25, 0.35, 0.05);
    let inf = 1.0f64 / 0.0;
    let nan = 0.0f64 / 0.0;
    println("{} {} {} {:?}", inf, -inf, nan, nan == nan);
    println("[{:>8}] [{:<8}] [{:^9}]", inf, -inf, nan);
    let third: f32 = 1.0 / 3.0;
    println("{} {} {}", third, third as f64, 16777217.0f32);
    println("{:08.3} {:+09.2} {:e}", -3.14159, 2.71828, 0.0);
}
