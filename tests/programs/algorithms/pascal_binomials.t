// Pascal's triangle in u64: rows printed centred, C(60, 30), row sums as powers of two,
// and the triangle modulo 2 (a Sierpinski pattern).
const ROWS: usize = 61;

fn main() {
    let mut tri = [[0u64; ROWS]; ROWS];
    for n in 0..ROWS {
        tri[n][0] = 1;
        for k in 1..=n {
            tri[n][k] = tri[n - 1][k - 1] + tri[n - 1][k];
        }
    }
    for n in 0..7 {
        for _ in 0..(6 - n) * 2 { print(" "); }
        for k in 0..=n { print("{:4}", tri[n][k]); }
        println();
    }
    println("C(60, 30) = {}", tri[60][30]);
    let mut ok = true;
    for n in 0..ROWS {
        let mut s: u64 = 0;
        for k in 0..=n { s += tri[n][k]; }
        if n < 64 && s != 1u64 << n { ok = false; }
    }
    println("row sums are powers of two: {}", ok);
    for n in 0..16 {
        for k in 0..=n { print("{}", if tri[n][k] % 2 == 1 { '^' } else { ' ' }); }
        println();
    }
}
