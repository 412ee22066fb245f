// exit: 101
// stderr: panicked at programs/io/large_output_then_panic.t:11:5: stopping after 2000 lines
// A panic flushes the buffered stdout before reporting.
fn main() {
    let mut i = 0;
    while i < 2000 {
        println("row {}", i);
        i += 1;
    }
    print("partial");
    panic("stopping after {} lines", i);
}
