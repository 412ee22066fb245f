// A function without a return type returns (), so `return 5` is a type error.
fn log(n: i64) {
    if n > 0 {
        return n;
    }
    println("{}", n);
}

fn main() {
    log(1);
}
