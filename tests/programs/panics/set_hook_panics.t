// exit: 134
// stderr: fatal runtime error: panicked while running the panic hook, aborting
// A panic inside the panic hook cannot be handled: both messages, then SIGABRT.
fn bad(p: Panic) { panic("the hook failed on: {}", p.message()); }
fn main() {
    std::panic::set_hook(bad);
    let r = std::panic::catch(|| { panic("original"); });
    println("never {}", r.is_err());
}
