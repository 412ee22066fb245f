// Float methods: square root, absolute value, rounding (half away from zero), min/max.
fn main() {
    let xs = [2.5f64, -2.5, 0.5, -0.5, 1.0, -0.0, 3.7, -3.2];
    for x in xs {
        println("{} floor={} ceil={} round={} trunc={} abs={}", x, x.floor(), x.ceil(), x.round(), x.trunc(), x.abs());
    }
    println("{} {}", 2.0f64.sqrt(), 16.0f64.sqrt());
    let nan = (-1.0f64).sqrt();
    println("{} {} {}", nan, nan.max(1.0), nan.min(-1.0));
    println("{} {}", 1.5f64.max(2.5), (-1.5f64).min(-2.5));
    let big = 4503599627370497.0f64; // 2^52 + 1: already integral
    println("{} {}", big.floor(), (1e300f64).round());
    let f: f32 = 2.5;
    println("{} {} {} {}", f.round(), (-f).floor(), f.ceil(), (2.0f32).sqrt());
}
