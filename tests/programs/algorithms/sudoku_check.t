// Validate 9x9 sudoku grids with bitmasks per row, column and box, and report the first
// conflict found.
fn check(g: [[u8; 9]; 9]) -> (bool, u32, usize, usize) {
    let mut rows = [0u16; 9];
    let mut cols = [0u16; 9];
    let mut boxes = [0u16; 9];
    for r in 0..9 {
        for c in 0..9 {
            let v = g[r][c];
            if v == 0 { continue; }
            let bit: u16 = 1 << v;
            let b = (r / 3) * 3 + c / 3;
            if rows[r] & bit != 0 || cols[c] & bit != 0 || boxes[b] & bit != 0 {
                return (false, v as u32, r, c);
            }
            rows[r] |= bit;
            cols[c] |= bit;
            boxes[b] |= bit;
        }
    }
    let mut filled = 0;
    for m in rows { filled += m.count_ones(); }
    (true, filled, 0, 0)
}

fn main() {
    let mut g = [[0u8; 9]; 9];
    for r in 0..9 {
        for c in 0..9 {
            g[r][c] = ((r * 3 + r / 3 + c) % 9 + 1) as u8;
        }
    }
    let (ok, filled, _, _) = check(g);
    println("full grid valid {} with {} digits", ok, filled);
    for r in 0..3 {
        for c in 0..9 { print("{}", g[r][c]); }
        println();
    }
    let mut partial = g;
    for r in 0..9 {
        for c in 0..9 {
            if (r + 2 * c) % 3 != 0 { partial[r][c] = 0; }
        }
    }
    let (ok2, filled2, _, _) = check(partial);
    println("partial valid {} with {} digits", ok2, filled2);
    let mut broken = partial;
    broken[4][4] = broken[4][1];
    match check(broken) {
        (true, _, _, _) => println("broken grid passed?"),
        (false, v, r, c) => println("conflict: {} at row {} column {}", v, r, c),
    }
}
