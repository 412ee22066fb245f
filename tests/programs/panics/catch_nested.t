// Catches inside catches: the innermost catch gets the panic; a panic raised while
// handling a caught one (or after it) goes to the next catch out; a catch inside a closure
// inside another catch; sequences of catches in one function.
fn fail(depth: i64) -> i64 {
    if depth == 0 { panic("bottom reached"); }
    fail(depth - 1) + 1
}

fn main() {
    let n = std::env::arg_count() as i64;
    let outer = std::panic::catch(|| {
        let inner = std::panic::catch(|| fail(3 * n));
        match inner {
            Ok(v) => v,
            Err(p) => {
                println("inner caught: {}", p);
                100
            }
        }
    });
    println("outer: {:?}", outer.is_ok());
    println("outer value: {}", outer.unwrap());

    // The handler of the inner catch panics again: the outer catch gets the new panic.
    let again = std::panic::catch(|| {
        let inner = std::panic::catch(|| fail(n));
        match inner {
            Ok(v) => v,
            Err(p) => panic("rethrown: {}", p.message()),
        }
    });
    match again {
        Ok(v) => println("unexpected {}", v),
        Err(p) => println("outer caught: {} at line {}", p, p.line()),
    }

    // Three levels, the middle one caught and the panic raised above it.
    let three = std::panic::catch(|| {
        let two = std::panic::catch(|| {
            let one = std::panic::catch(|| fail(n - 1));
            println("one: {}", one.unwrap_err());
            fail(n)
        });
        println("two: {}", two.is_err());
        let v: i64 = panic("third");
        v
    });
    println("three: {}", three.unwrap_err().message());

    // Many catches in a row, some panicking.
    let mut caught = 0;
    let mut total = 0;
    for i in 0..10 {
        match std::panic::catch(|| if i % 3 == 0 { fail(i) } else { i * 10 }) {
            Ok(v) => total += v,
            Err(_) => caught += 1,
        }
    }
    println("{caught} caught, total {total}");
}
