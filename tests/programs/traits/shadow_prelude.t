struct Map { size: i64 }
fn main() {
    let m = Map { size: 3 };
    let s: i64 = (0..m.size).map(|x| x + 1).sum();
    println("{s}");
    more();
}

// A program's own function named like a prelude helper is its own, too.
fn debug_one() -> i64 { 4 }

fn more() {
    println("{} {:?}", debug_one(), Some(2));
}
