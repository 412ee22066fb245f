// guarded_fib: fib(@N@) computed @M@ times, each time under std::panic::catch, and a
// panic caught every @K@th time. Under --panic=unwind the catch is a landing pad around
// the (inlined) call; the happy path must cost what the plain call costs. Under
// --panic=abort the catch only calls its closure, so no panic may happen there: @K@ is 0
// for the timed comparison (no panics at all), and the panicking variant is run only
// under unwind.

fn fib(n: i64) -> i64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}

fn work(n: i64, i: i64, k: i64) -> i64 {
    if k > 0 && i % k == 0 { panic("round {}", i); }
    fib(n)
}

fn main() {
    let n = @N@ + std::env::arg_count() - 1;
    let mut total = 0;
    let mut caught = 0;
    for i in 0..@M@ {
        match std::panic::catch(|| work(n, i, @K@)) {
            Ok(v) => total += v,
            Err(_) => caught += 1,
        }
    }
    println("total {} caught {}", total, caught);
}
