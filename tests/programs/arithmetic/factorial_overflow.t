// exit: 101
// stderr: panicked at programs/arithmetic/factorial_overflow.t:8:26: attempt to multiply with overflow
// 20! fits in an i64, 21! does not.

fn fact(n: i64) -> i64 {
    let mut acc = 1;
    let mut i = 2;
    while i <= n { acc = acc * i; i += 1; }
    acc
}

fn main() {
    let mut n = 0;
    loop {
        println("{}! = {}", n, fact(n));
        n += 1;
    }
}
