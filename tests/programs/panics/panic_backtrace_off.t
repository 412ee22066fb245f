// Without T_BACKTRACE a caught panic captures no frames: Panic::backtrace() is None.
fn inner(x: i64) -> i64 {
    if x > 2 { panic("too big: {}", x); }
    x
}

fn main() {
    match std::panic::catch(|| inner(5)) {
        Ok(v) => println("ok {v}"),
        Err(p) => println("{}: backtrace {}", p, p.backtrace().is_some()),
    }
}
