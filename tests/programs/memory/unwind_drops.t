// A panic unwinds through the frames between it and `std::panic::catch`, and each frame's
// cleanup drops what it owns — innermost first, in reverse declaration order — before
// control returns to the catch. Nothing leaks (the leak check is on for every test).
class Guard { name: String }

impl Drop for Guard {
    fn drop(&mut self) { println("drop {}", self.name); }
}

fn guard(name: String) -> Guard { Guard { name } }

fn inner(depth: i64) -> i64 {
    let g = guard("inner");
    if depth > 2 { panic("too deep at {}", depth); }
    let h = guard("never");
    depth
}

fn middle() -> i64 {
    let a = guard("middle.a");
    let mut total = 0;
    for i in 0..5 {
        let step = guard("middle.loop");
        total += inner(i);
    }
    let b = guard("middle.b");
    total
}

fn generic_holder<T>(value: T, f: fn(T) -> i64) -> i64 {
    let g = guard("generic");
    f(value)
}

fn explode(g: Guard) -> i64 { panic("explode {}", g.name) }

fn main() {
    let outer = guard("outer");
    let r = std::panic::catch(|| middle());
    match r {
        Ok(v) => println("ok {}", v),
        Err(p) => println("caught: {}", p.message()),
    }
    let r2 = std::panic::catch(|| generic_holder(guard("argument"), explode));
    println("second caught: {}", r2.is_err());
    println("still running");
}
