// In an `if` condition, `{` starts the block, so a struct literal there needs parentheses.
struct P {
    x: i64,
}

fn main() {
    let p = P { x: 1 };
    if p.x == P { x: 1 }.x {
        println("same");
    }
}
