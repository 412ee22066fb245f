// exit: 101
// stderr: panicked at programs/arithmetic/compound_add_overflow.t:9:9: attempt to add with overflow
// `+=` traps just like `+`: doubling until overflow.

fn main() {
    let mut x = 1;
    let mut steps = 0;
    loop {
        x += x;
        steps += 1;
        if steps >= 60 {
            println("steps={} x={}", steps, x);
        }
    }
}
