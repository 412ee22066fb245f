// link: panic_from_c_helper.c
// exit: 134
// stderr: panicked at programs/ffi/panic_from_c.t:18:17: division of 7 by zero
// stderr: fatal runtime error: panic in a function that cannot unwind (`extern "C" fn t_checked_div`), aborting
// A panic must not unwind out of an `extern "C" fn` into the C code that called it: the
// drops inside run, then the panic is reported and the process aborts (SIGABRT, 134) — a
// `catch` around the C call does not get it.
extern "C" { fn c_divide(a: i64, b: i64) -> i64; }

class Noisy { name: String }

impl Drop for Noisy {
    fn drop(&mut self) { println("drop {}", self.name); }
}

extern "C" fn t_checked_div(a: i64, b: i64) -> i64 {
    let _n = Noisy { name: "inside" };
    if b == 0 { panic("division of {} by zero", a); }
    a / b
}

fn main() {
    println("{}", unsafe { c_divide(10, 2) });
    let r = std::panic::catch(|| unsafe { c_divide(7, 0) });
    println("not reached {}", r.is_err());
}
