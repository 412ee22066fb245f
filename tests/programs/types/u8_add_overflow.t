// stderr: panicked at programs/types/u8_add_overflow.t:7:13: attempt to add with overflow
// exit: 101
fn main() {
    let mut x: u8 = 250;
    let mut i = 0;
    while i < 10 {
        x = x + 1;
        i += 1;
    }
    println("{}", x);
}
