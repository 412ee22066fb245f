// exit: 101
// stderr: panicked at programs/panics/range_step_past_bound.t:9:9: attempt to add with overflow
// A counter below its bound that steps past the top of its type: `i < 255` does not make
// `i + 2` safe, so range-check-elimination must keep the check (250, 252, 254, then 256).
fn main() {
    let mut i: u8 = 250;
    while i < 255 {
        println("{}", i);
        i += 2;
    }
    println("not reached");
}
