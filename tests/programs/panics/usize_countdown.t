// exit: 101
// stderr: panicked at programs/panics/usize_countdown.t:9:13: attempt to subtract with overflow
// A countdown over usize that decrements once too often.
fn main() {
    let a = [10, 20, 30];
    let mut i: usize = a.len();
    let mut sum = 0;
    loop {
        i = i - 1;
        sum += a[i];
        println("i={} sum={}", i, sum);
    }
}
