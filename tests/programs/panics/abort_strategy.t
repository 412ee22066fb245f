// flags: --panic=abort
// exit: 134
// stderr: panicked at programs/panics/abort_strategy.t:10:9: too big: 5
// `tcc build --panic=abort`: a panic prints the usual report and ends the process with
// SIGABRT at once (status 134 as a shell reports it); `catch` does not catch: with no
// landing pads it only calls the closure. Output written before the panic is flushed
// first.
fn checked(x: i64) -> i64 {
    if x > 3 {
        panic("too big: {}", x);
    }
    x
}

fn main() {
    println("ok {}", std::panic::catch(|| checked(2)).unwrap());
    print("unterminated line before the panic");
    let r = std::panic::catch(|| checked(5));
    println("not reached {}", r.is_err());
}
