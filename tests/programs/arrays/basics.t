// Fixed arrays: literals, repeat, indexing, assignment through places, len, copies.
const SIZE: usize = 3;

fn main() {
    let mut a = [10, 20, 30, 40];
    println("{} {} {} {}", a[0], a[1], a[2], a[3]);
    a[1] = 21;
    a[2] += 5;
    a[3] *= 2;
    println("{} {} {} {} len={}", a[0], a[1], a[2], a[3], a.len());

    // Arrays are values: assignment copies.
    let b = a;
    a[0] = 0;
    println("a[0]={} b[0]={}", a[0], b[0]);

    // Repeat, with a constant length, and nested arrays.
    let zeros = [0.0; SIZE];
    let mut grid = [[0u8; 4]; SIZE];
    grid[2][3] = 9;
    grid[0][1] = grid[2][3] + 1;
    println("{} {} {} {}", zeros[2], grid[0][1], grid[2][3], grid.len() * grid[0].len());

    // Non-zero repeat fills every element.
    let sevens = [7i32; 5];
    let mut sum = 0;
    for x in sevens { sum += x; }
    println("sum={}", sum);

    // Any integer type may index; the index is an expression.
    let i: u8 = 1;
    let j: i32 = 2;
    println("{} {}", a[i], a[j + 1]);

    // Arrays of tuples and of bools; an empty array with a type.
    let pairs = [(1, 'a'), (2, 'b')];
    let flags = [true, false, true];
    let empty: [i64; 0] = [];
    println("{} {} {} {}", pairs[1].0, pairs[1].1, flags[2], empty.len());

    // Length from constant arithmetic.
    let wide = [1u16; SIZE * 2 + 1];
    println("wide={}", wide.len());
}
