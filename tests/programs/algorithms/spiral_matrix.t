// Fill a 5x7 matrix in spiral order, print it, then read the diagonals and the border.
const R: usize = 5;
const C: usize = 7;

fn main() {
    let mut m = [[0u32; C]; R];
    let (mut top, mut bottom, mut left, mut right) = (0i32, R as i32 - 1, 0i32, C as i32 - 1);
    let mut k = 1;
    while top <= bottom && left <= right {
        for c in left..=right { m[top as usize][c as usize] = k; k += 1; }
        top += 1;
        for r in top..=bottom { m[r as usize][right as usize] = k; k += 1; }
        right -= 1;
        if top <= bottom {
            let mut c = right;
            while c >= left { m[bottom as usize][c as usize] = k; k += 1; c -= 1; }
            bottom -= 1;
        }
        if left <= right {
            let mut r = bottom;
            while r >= top { m[r as usize][left as usize] = k; k += 1; r -= 1; }
            left += 1;
        }
    }
    for row in m {
        for x in row { print("{:>4}", x); }
        println();
    }
    let mut diag = 0;
    for i in 0..R { diag += m[i][i]; }
    let mut border = 0;
    for r in 0..R {
        for c in 0..C {
            if r == 0 || c == 0 || r == R - 1 || c == C - 1 { border += m[r][c]; }
        }
    }
    println("diagonal {} border {} last {}", diag, border, k - 1);
}
