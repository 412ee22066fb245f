// `continue` outside of a loop.
fn step(n: i64) -> i64 {
    if n > 3 {
        continue;
    }
    n
}

fn main() {
    println("{}", step(1));
}
