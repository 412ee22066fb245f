// mandelbrot: Rust counterpart of mandelbrot.t (same algorithm, same order of
// floating-point operations, same bytes out). Benchmarks Game mandelbrot,
// single-threaded and scalar, std only: a PBM (P4) bitmap of [-1.5, 0.5] x [-1, 1],
// one row at a time through a fixed row buffer into a buffered stdout.

use std::io::Write;

const ITERATIONS: u32 = 50;
const LIMIT_SQ: f64 = 4.0; // limit 2.0, squared

fn main() {
    let n = @N@ + std::env::args().count() as u64 - 1;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut row = [0u8; 2048];
    write!(out, "P4\n{} {}\n", n, n).unwrap();
    for y in 0..n {
        let ci = 2.0 * y as f64 / n as f64 - 1.0;
        let mut bits: u8 = 0;
        let mut nbits = 0;
        let mut len = 0;
        for x in 0..n {
            let cr = 2.0 * x as f64 / n as f64 - 1.5;
            let (mut zr, mut zi, mut tr, mut ti) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
            let mut i = 0;
            while i < ITERATIONS && tr + ti <= LIMIT_SQ {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
                i += 1;
            }
            bits <<= 1;
            if tr + ti <= LIMIT_SQ {
                bits |= 1;
            }
            nbits += 1;
            if nbits == 8 {
                row[len] = bits;
                len += 1;
                bits = 0;
                nbits = 0;
            }
        }
        if nbits > 0 {
            // a width that is not a multiple of 8: pad the last byte
            row[len] = bits << (8 - nbits);
            len += 1;
        }
        out.write_all(&row[..len]).unwrap();
    }
    out.flush().unwrap();
}
