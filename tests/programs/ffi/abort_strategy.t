// link: abort_strategy_helper.c
// flags: --panic=abort
// exit: 134
// stderr: panicked at programs/ffi/abort_strategy.t:10:17: division of 9 by zero
// Under `--panic=abort` an `extern "C" fn` that panics ends the process at the panic, as
// every panic does there: the usual report, SIGABRT, no drops.
extern "C" { fn c_divide(a: i64, b: i64) -> i64; }

extern "C" fn t_checked_div(a: i64, b: i64) -> i64 {
    if b == 0 { panic("division of {} by zero", a); }
    a / b
}

fn main() {
    println("{}", unsafe { c_divide(12, 3) });
    println("{}", unsafe { c_divide(9, 0) });
}
