// exit: 101
// stderr: panicked at programs/arithmetic/compound_div_by_zero.t:9:9: attempt to divide by zero
// `/=` by zero traps.

fn main() {
    let mut x = 1000;
    let mut d = 3;
    while true {
        x /= d;
        println("x={} d={}", x, d);
        d -= 1;
    }
}
