// flags: --panic=abort
// exit: 134
// stderr: hook: too big: 10 at line 15
// Under --panic=abort a hook set with std::panic::set_hook is called as under unwind —
// with the panic's message (a message in pieces whole) and location, instead of the
// report — and then the process aborts (SIGABRT, 134).
fn hook(p: Panic) {
    eprintln("hook: {} at line {}", p.message(), p.line());
}

fn main() {
    std::panic::set_hook(hook);
    println("hook set");
    let n = std::env::arg_count() as i64 + 9;
    if n > 5 { panic("too big: {}", n); }
    println("not reached");
}
