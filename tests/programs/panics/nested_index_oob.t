// exit: 101
// stderr: panicked at programs/panics/nested_index_oob.t:11:13: index out of bounds: the len is 4 but the index is 4
// A walk over a 3x4 grid that steps one column too far in the last row.
fn main() {
    let mut grid = [[0u8; 4]; 3];
    let mut n = 0;
    for r in 0..3 {
        let width = if r == 2 { 5 } else { 4 };
        for c in 0..width {
            n += 1;
            grid[r][c] = n;
            println("{} {} {}", r, c, grid[r][c]);
        }
    }
    println("unreachable");
}
