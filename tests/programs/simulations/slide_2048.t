// The row move of 2048: slide and merge tiles left, applied to all four directions of
// a 4x4 board via rotation, with the score of each move.
fn slide(row: [u32; 4]) -> ([u32; 4], u32) {
    let mut packed = [0u32; 4];
    let mut n = 0;
    for v in row {
        if v != 0 { packed[n] = v; n += 1; }
    }
    let mut out = [0u32; 4];
    let mut score = 0;
    let mut i = 0;
    let mut o = 0;
    while i < n {
        if i + 1 < n && packed[i] == packed[i + 1] {
            out[o] = packed[i] * 2;
            score += out[o];
            i += 2;
        } else {
            out[o] = packed[i];
            i += 1;
        }
        o += 1;
    }
    (out, score)
}

fn rotate(b: [[u32; 4]; 4]) -> [[u32; 4]; 4] {
    let mut r = [[0u32; 4]; 4];
    for i in 0..4 {
        for j in 0..4 {
            r[j][3 - i] = b[i][j];
        }
    }
    r
}

fn move_left(b: [[u32; 4]; 4]) -> ([[u32; 4]; 4], u32) {
    let mut out = b;
    let mut score = 0;
    for i in 0..4 {
        let (row, s) = slide(b[i]);
        out[i] = row;
        score += s;
    }
    (out, score)
}

fn show(b: [[u32; 4]; 4]) {
    for row in b {
        for v in row {
            if v == 0 { print("{:>5}", "."); } else { print("{:>5}", v); }
        }
        println();
    }
}

fn main() {
    let board = [[2, 2, 4, 8], [0, 4, 4, 4], [16, 0, 0, 16], [2, 4, 2, 4]];
    let names = ["left", "down", "right", "up"];
    let mut b = board;
    for turn in 0..4 {
        // rotate so that the wanted direction becomes "left", move, rotate back
        let (moved, score) = move_left(b);
        println("{} (score {}):", names[turn], score);
        let mut back = moved;
        for _ in 0..turn { back = rotate(rotate(rotate(back))); }
        show(back);
        b = rotate(board);
        for _ in 0..turn { b = rotate(b); }
    }
}
