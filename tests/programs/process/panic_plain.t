// exit: 101
// stderr: panicked at programs/process/panic_plain.t:7:9: invariant {broken} in step 2
// A panic message may contain escaped braces; nothing after the panic runs.
fn step(n: i64) {
    println("step {}", n);
    if n == 2 {
        panic("invariant {{broken}} in step {}", n);
    }
}

fn main() {
    step(1);
    step(2);
    step(3);
}
