// stderr: err 0
// stderr: err 9
// Writes to stdout and stderr may be interleaved freely; each stream keeps its own order.
fn main() {
    let mut i = 0;
    while i < 10 {
        println("out {}", i);
        eprintln("err {}", i);
        i += 1;
    }
}
