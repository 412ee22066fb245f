// Float `%` is C's fmod: exact, with the sign of the dividend.
fn rem(a: f64, b: f64) -> f64 { a % b }
fn rem32(a: f32, b: f32) -> f32 { a % b }

fn main() {
    let n = std::env::arg_count() as f64; // 1.0, unknown to the optimizer
    println("{} {} {}", rem(7.5 * n, 2.0), rem(-7.5 * n, 2.0), rem(7.5, -2.0 * n));
    println("{} {} {}", rem(1e300 * n, 3.0), rem(0.1 * n, 0.03), rem(5.0 * n, 0.5));
    println("{} {} {}", rem(1.0 * n, 0.0), rem(1.0 / 0.0 * n, 2.0), rem(3.0 * n, 1.0 / 0.0));
    println("{:?} {:?}", rem(-4.0 * n, 2.0), rem(5e-324 * n, 3e-324));
    println("{} {}", rem32(7.25 * n as f32, 2.0), rem32(-1e30 * n as f32, 7.0));
}
