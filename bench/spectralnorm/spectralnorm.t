// spectralnorm: the Benchmarks Game spectral-norm, single-threaded. Ten rounds of
// v = A^T A u and u = A^T A v over an n x n matrix whose entries are computed on the fly,
// then sqrt(u.v / v.v). Measures an O(n^2) f64 multiply-add reduction (a serial chain:
// no reassociation, so no vectorisation of the sum), an int-to-float divide per entry
// (with checked integer arithmetic in T), and bounds-checked indexing of fixed-size
// arrays (T has no Vec yet, so the vectors are `[f64; SIZE]`).
// @N@ (the matrix order, also the arrays' length) is substituted by bench/run; the
// argument count keeps the loop bounds opaque to the optimiser.

const SIZE: usize = @N@;

// Entry (i, j) of the infinite matrix A: 1 / ((i+j)(i+j+1)/2 + i + 1).
fn a(i: i64, j: i64) -> f64 {
    1.0 / (((i + j) * (i + j + 1) / 2 + i + 1) as f64)
}

// out = A v
fn mul_av(n: i64, v: &[f64; SIZE], out: &mut [f64; SIZE]) {
    for i in 0..n {
        let mut sum = 0.0;
        for j in 0..n {
            sum += a(i, j) * v[j];
        }
        out[i] = sum;
    }
}

// out = A^T v
fn mul_atv(n: i64, v: &[f64; SIZE], out: &mut [f64; SIZE]) {
    for i in 0..n {
        let mut sum = 0.0;
        for j in 0..n {
            sum += a(j, i) * v[j];
        }
        out[i] = sum;
    }
}

fn main() {
    let n = @N@ + std::env::arg_count() - 1;
    let mut u = [1.0; SIZE];
    let mut v = [0.0; SIZE];
    let mut tmp = [0.0; SIZE];
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
    println("{:.9}", (vbv / vv).sqrt());
}
