// spectralnorm: Rust counterpart of spectralnorm.t (same algorithm, same order of
// floating-point operations, same output). Benchmarks Game spectral-norm,
// single-threaded, std only; the vectors are fixed-size arrays, as in T, indexed with
// bounds checks.

const SIZE: usize = @N@;

// Entry (i, j) of the infinite matrix A: 1 / ((i+j)(i+j+1)/2 + i + 1).
fn a(i: usize, j: usize) -> f64 {
    1.0 / ((i + j) * (i + j + 1) / 2 + i + 1) as f64
}

// out = A v
fn mul_av(n: usize, v: &[f64; SIZE], out: &mut [f64; SIZE]) {
    for i in 0..n {
        let mut sum = 0.0;
        for j in 0..n {
            sum += a(i, j) * v[j];
        }
        out[i] = sum;
    }
}

// out = A^T v
fn mul_atv(n: usize, v: &[f64; SIZE], out: &mut [f64; SIZE]) {
    for i in 0..n {
        let mut sum = 0.0;
        for j in 0..n {
            sum += a(j, i) * v[j];
        }
        out[i] = sum;
    }
}

fn main() {
    let n = @N@ + std::env::args().count() - 1;
    let mut u = [0.0; SIZE];
    let mut v = [0.0; SIZE];
    let mut tmp = [0.0; SIZE];
    for i in 0..n {
        u[i] = 1.0;
    }
    for _ in 0..10 {
        // v = A^T A u, then u = A^T A v, each through tmp
        mul_av(n, &u, &mut tmp);
        mul_atv(n, &tmp, &mut v);
        mul_av(n, &v, &mut tmp);
        mul_atv(n, &tmp, &mut u);
    }
    let mut vbv = 0.0;
    let mut vv = 0.0;
    for i in 0..n {
        vbv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    println!("{:.9}", (vbv / vv).sqrt());
}
