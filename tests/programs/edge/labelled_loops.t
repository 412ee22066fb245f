// Labelled loops: break and continue to outer loops of all three kinds, break with a
// value out of a labelled `loop`.
fn main() {
    // smallest a<b<c with a+b+c == 1000 and a^2+b^2 == c^2
    let mut found = (0, 0, 0);
    'search: for a in 1..1000 {
        for b in a + 1..1000 {
            let c = 1000 - a - b;
            if c <= b { continue 'search; }
            if a * a + b * b == c * c {
                found = (a, b, c);
                break 'search;
            }
        }
    }
    println("triple {} {} {} product {}", found.0, found.1, found.2, found.0 * found.1 * found.2);

    // skip rows containing a zero, sum the rest
    let m = [[1, 2, 3], [4, 0, 6], [7, 8, 9], [0, 1, 1]];
    let mut total = 0;
    let mut r = 0;
    'rows: while r < 4 {
        r += 1;
        for x in m[r - 1] {
            if x == 0 { continue 'rows; }
        }
        for x in m[r - 1] { total += x; }
    }
    println("sum of rows without zero: {}", total);

    // first position where a running product exceeds a limit, from nested loops
    let where_ = 'outer: loop {
        let mut p: i64 = 1;
        let mut i = 1;
        loop {
            p *= i;
            if p > 1_000_000 { break 'outer (i, p); }
            i += 1;
        }
    };
    println("factorial passes a million at {} ({})", where_.0, where_.1);

    let mut count = 0;
    'a: for i in 0..5 {
        'b: for j in 0..5 {
            for k in 0..5 {
                if k > j { continue 'b; }
                if i + j + k > 6 { continue 'a; }
                count += 1;
            }
        }
    }
    println("count {}", count);
}
