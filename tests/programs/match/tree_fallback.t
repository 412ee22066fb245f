// A match whose decision tree would grow exponentially: every arm tests one column and has
// a guard, so each failing guard leads to a copy of all the later arms' tests, on both
// sides of every test. The lowering gives up on one tree (it would exceed the size bound)
// and tests the arms one after another, each arm's own pattern as a small tree.
fn pick(v: (i32, i32, i32, i32, i32, i32, i32, i32, i32), budget: i32) -> i32 {
    match v {
        (1, _, _, _, _, _, _, _, _) if budget > 8 => 0,
        (_, 1, _, _, _, _, _, _, _) if budget > 7 => 1,
        (_, _, 1, _, _, _, _, _, _) if budget > 6 => 2,
        (_, _, _, 1, _, _, _, _, _) if budget > 5 => 3,
        (_, _, _, _, 1, _, _, _, _) if budget > 4 => 4,
        (_, _, _, _, _, 1, _, _, _) if budget > 3 => 5,
        (_, _, _, _, _, _, 1, _, _) if budget > 2 => 6,
        (_, _, _, _, _, _, _, 1, _) if budget > 1 => 7,
        (a, b, c, d, e, f, g, h, 1 | 2) if budget > 0 => a + b + c + d + e + f + g + h + 10,
        (.., last) => -last,
    }
}

// The same with or-patterns and bindings in the arms: each arm still binds what it names.
fn spread(v: (i32, i32, i32, i32, i32, i32, i32, i32), k: i32) -> i32 {
    match v {
        (x @ (1 | 2), ..) if k == 0 => x,
        (_, x @ (1 | 2), ..) if k <= 1 => x * 10,
        (_, _, x @ (1 | 2), ..) if k <= 2 => x * 100,
        (_, _, _, x @ (1 | 2), ..) if k <= 3 => x * 1000,
        (_, _, _, _, x @ (1 | 2), ..) if k <= 4 => x * 10000,
        (_, _, _, _, _, x @ (1 | 2), ..) if k <= 5 => x * 100000,
        (_, _, _, _, _, _, x @ (1 | 2), _) if k <= 6 => x * 1000000,
        (.., x @ (1 | 2)) if k <= 7 => x * 10000000,
        (a, .., b) => a - b,
    }
}

fn main() {
    let mut total = 0;
    let mut line = 0;
    for mask in 0..512 {
        let bit = |i: i32| -> i32 { (mask >> i) & 1 };
        for budget in 0..10 {
            let r = pick((bit(0), bit(1), bit(2), bit(3), bit(4), bit(5), bit(6), bit(7), bit(8) + bit(0)), budget);
            total += r * (mask + 1) + budget;
            line = line * 31 % 1000003 + r + 5;
        }
    }
    println("{} {}", total, line);
    let mut acc: i64 = 0;
    for mask in 0..6561 {
        let d = |i: i32| -> i32 { let mut m = mask; for _ in 0..i { m /= 3; } m % 3 };
        for k in 0..9 {
            acc = (acc * 7 % 1000000007 + spread((d(0), d(1), d(2), d(3), d(4), d(5), d(6), d(7)), k) as i64) % 1000000007;
        }
    }
    println("{}", acc);
    println("{} {} {}", pick((1, 1, 1, 1, 1, 1, 1, 1, 1), 3), spread((0, 0, 2, 1, 0, 0, 0, 1), 4), spread((5, 0, 0, 0, 0, 0, 0, 7), 0));
}
