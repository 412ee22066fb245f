// exit: 101
// stderr: attempt to multiply with overflow
// Powers of 7 in i32 until pow overflows; the output before the panic is flushed.
fn main() {
    let base: i32 = 7;
    let mut e: u32 = 0;
    loop {
        let p = base.pow(e);
        println("7^{} = {}", e, p);
        e += 1;
    }
}
