// `std::panic::catch` returns control: Ok when the closure returns, Err(Panic) with the
// message and location when it panics; the program goes on either way.
fn checked_div(a: i64, b: i64) -> i64 {
    a / b
}

fn describe(r: Result<i64, Panic>) {
    match r {
        Ok(v) => println("ok {}", v),
        Err(p) => println("panicked at {}:{}:{}: {}", p.file(), p.line(), p.column(), p.message()),
    }
}

fn main() {
    let zero = std::env::arg_count() - 1;
    describe(std::panic::catch(|| checked_div(84, 2)));
    describe(std::panic::catch(|| checked_div(84, zero)));
    let r = std::panic::catch(|| {
        println("inside, before the panic");
        let v: i64 = panic("boom {} {}", 1, "two");
        println("never printed {}", v);
        v
    });
    describe(r);
    // Display is the message; Debug shows every field.
    let p = std::panic::catch(|| -> i32 { panic("plain") }).unwrap_err();
    println("{} | {:?}", p, p);
    // Unit closures, and closures that cannot panic.
    let u = std::panic::catch(|| println("unit closure runs"));
    println("{} {}", u.is_ok(), std::panic::catch(|| 7).unwrap());
    println("still running");
}
