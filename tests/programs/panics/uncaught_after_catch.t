// exit: 101
// stderr: panicked at programs/panics/uncaught_after_catch.t:13:5: nobody catches this: 3
// A caught panic leaves the program as it was: a later panic that nothing catches is
// reported with its message and location, and the status is 101.
fn checked(x: i64) -> i64 {
    if x > 1 { panic("too big"); }
    x
}

fn main() {
    let r = std::panic::catch(|| checked(5));
    println("caught: {}", r.unwrap_err());
    panic("nobody catches this: {}", 3);
}
