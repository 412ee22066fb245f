// Matrix multiplication on [[f64; N]; N]: identity checks, powers, a rotation and a trace.
const N: usize = 3;

fn mul(a: &[[f64; N]; N], b: &[[f64; N]; N]) -> [[f64; N]; N] {
    let mut c = [[0.0; N]; N];
    for i in 0..N {
        for j in 0..N {
            let mut s = 0.0;
            for k in 0..N {
                s += a[i][k] * b[k][j];
            }
            c[i][j] = s;
        }
    }
    c
}

fn identity() -> [[f64; N]; N] {
    let mut m = [[0.0; N]; N];
    for i in 0..N { m[i][i] = 1.0; }
    m
}

fn show(name: String, m: [[f64; N]; N]) {
    println("{}:", name);
    for row in m {
        for x in row { print("{:>11.4}", x); }
        println();
    }
}

fn main() {
    let a = [[1.0, 2.0, 3.0], [0.0, 1.0, 4.0], [5.0, 6.0, 0.0]];
    let inv = [[-24.0, 18.0, 5.0], [20.0, -15.0, -4.0], [-5.0, 4.0, 1.0]];
    show("a * inv", mul(&a, &inv));
    let id = identity();
    let ai = mul(&a, &id);
    let mut same = true;
    for i in 0..N {
        for j in 0..N {
            if ai[i][j] != a[i][j] { same = false; }
        }
    }
    println("a * I == a: {}", same);

    let mut p = identity();
    for _ in 0..5 { p = mul(&p, &a); }
    show("a^5", p);
    let trace = p[0][0] + p[1][1] + p[2][2];
    println("trace {}", trace);

    // a rotation by 45 degrees about z, applied 8 times, comes back near the identity
    let h = 0.5f64.sqrt();
    let r = [[h, -h, 0.0], [h, h, 0.0], [0.0, 0.0, 1.0]];
    let mut q = identity();
    for _ in 0..8 { q = mul(&q, &r); }
    let mut err: f64 = 0.0;
    for i in 0..N {
        for j in 0..N {
            err = err.max((q[i][j] - id[i][j]).abs());
        }
    }
    println("rotation^8 max error below 1e-12: {}", err < 1e-12);
    println("rotation^2 row 0: {:.6} {:.6} {:.6}", mul(&r, &r)[0][0], mul(&r, &r)[0][1], mul(&r, &r)[0][2]);
}
