// mandelbrot: the Benchmarks Game mandelbrot, single-threaded and scalar. Writes an
// n x n PBM (P4) bitmap of the Mandelbrot set over [-1.5, 0.5] x [-1, 1]: at most 50
// iterations of z = z^2 + c per pixel, escape when |z| > 2, eight pixels to a byte.
// Measures a latency-bound f64 loop with a data-dependent exit, bit packing into a u8,
// and raw byte output (one fixed row buffer per row; the output is binary, and
// bench/run compares it byte for byte).
// @N@ (width = height, at most 16384) is substituted by bench/run; the argument count
// keeps it opaque to the optimiser.

const ITERATIONS: i64 = 50;
const LIMIT_SQ: f64 = 4.0; // limit 2.0, squared

fn main() {
    let n = @N@ + std::env::arg_count() - 1;
    let mut row = [0u8; 2048];
    print("P4\n{} {}\n", n, n);
    for y in 0..n {
        let ci = 2.0 * (y as f64) / (n as f64) - 1.0;
        let mut bits: u8 = 0;
        let mut nbits = 0;
        let mut len: usize = 0;
        for x in 0..n {
            let cr = 2.0 * (x as f64) / (n as f64) - 1.5;
            let mut zr = 0.0;
            let mut zi = 0.0;
            let mut tr = 0.0;
            let mut ti = 0.0;
            let mut i = 0;
            while i < ITERATIONS && tr + ti <= LIMIT_SQ {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
                i += 1;
            }
            bits = bits << 1;
            if tr + ti <= LIMIT_SQ {
                bits = bits | 1;
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
        std::io::write_bytes(&row, len);
    }
}
