// A program's own `Panic` and `Result` shadow the prelude's, and `catch` still gives the
// prelude's `Result<T, Panic>` (shown as `std::Result` and `std::Panic`).
struct Panic { code: i64 }
enum Result { Fine, Broken(i64) }

fn check(n: i64) -> i64 {
    if n > 0 { panic("n is {}", n); }
    n
}

fn main() {
    let mine = Panic { code: 3 };
    let r = std::panic::catch(|| check(std::env::arg_count() as i64));
    match r {
        Ok(v) => println("ok {}", v),
        Err(p) => println("caught {} (my code {})", p.message(), mine.code),
    }
    match Result::Broken(2) {
        Result::Fine => println("fine"),
        Result::Broken(x) => println("broken {}", x),
    }
}
