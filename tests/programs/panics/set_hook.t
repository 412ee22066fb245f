// exit: 101
// stderr: custom hook: too big: 10 (line 12)
// std::panic::set_hook: the hook runs when each panic starts — caught or not — instead of
// the default report; reset_hook() brings the report back. An uncaught panic still
// exits with status 101.
fn report(p: Panic) {
    eprintln("custom hook: {} (line {})", p.message(), p.line());
    println("hook saw: {}", p.message());
}

fn risky(n: i64) -> i64 {
    if n > 2 { panic("too big: {}", n); }
    n
}

fn main() {
    std::panic::set_hook(report);
    let r = std::panic::catch(|| risky(5));
    println("caught {}", r.is_err());
    std::panic::set_hook(|p| println("closure hook: {}", p));
    let r2 = std::panic::catch(|| risky(7));
    println("caught {}", r2.is_err());
    std::panic::reset_hook();
    let r3 = std::panic::catch(|| risky(9));
    println("caught quietly {}", r3.is_err());
    std::panic::set_hook(report);
    risky(10);
}
