// exit: 134
// stderr: panicked at programs/ffi/panic_from_t.t:10:5: overflow in callback
// stderr: fatal runtime error: panic in a function that cannot unwind (`extern "C" fn callback`), aborting
// An `extern "C" fn` called from T keeps its rule: a panic inside it aborts rather than
// unwinding to the caller's `catch` (what C calling it would need, whoever calls it).
extern "C" fn callback(x: i32) -> i32 {
    if x < 100 {
        return x * 2;
    }
    panic("overflow in callback");
}

fn main() {
    println("{}", callback(21));
    let r = std::panic::catch(|| callback(1000));
    println("not reached {}", r.is_ok());
}
