// Arrays move as whole values: assignment from a literal that reads the same array,
// copies between variables and from elements of nested arrays, large arrays included.
const BIG: usize = 100000;

fn checksum(a: &[i64; BIG]) -> i64 {
    let mut s = 0;
    for i in 0..BIG { s += a[i] * (i as i64 % 7); }
    s
}

fn main() {
    let mut a = [1, 2, 3];
    a = [a[2], a[0], a[1]];
    println("{} {} {}", a[0], a[1], a[2]);

    let grid = [[1, 2], [3, 4], [5, 6]];
    let mut row = grid[1];
    row[0] = 30;
    println("{} {} {}", row[0], row[1], grid[1][0]);

    let mut big = [2i64; BIG];
    big[BIG - 1] = 5;
    let copy = big;
    big[0] = 100;
    println("{} {} {}", checksum(&big), checksum(&copy), copy[BIG - 1]);

    let mut total = 0;
    for r in grid {
        for x in r { total += x; }
    }
    println("total={}", total);
}
