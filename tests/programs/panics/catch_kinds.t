// Every kind of panic is caught: overflow, division by zero, out-of-bounds indices
// (constant and computed), unwrap of None and Err, expect, shifts, a formatted message
// with a Display impl of the program's own, and a panic in prelude code.
struct Point { x: i64, y: i64 }

impl Display for Point {
    fn fmt(&self, f: &mut Formatter) { write(f, "({}, {})", self.x, self.y) }
}

fn show(what: String, r: Result<i64, Panic>) {
    match r {
        Ok(v) => println("{what}: ok {v}"),
        Err(p) => println("{what}: {}", p),
    }
}

fn main() {
    let n = std::env::arg_count() as i64; // 1
    let big: i64 = 9223372036854775807;
    let arr = [10, 20, 30];
    show("add", std::panic::catch(|| big + n));
    show("mul", std::panic::catch(|| (big / 2) * (n + 2)));
    let min = -big - n;
    show("neg", std::panic::catch(|| -min));
    show("div", std::panic::catch(|| 10 / (n - 1)));
    show("rem", std::panic::catch(|| 10 % (n - 1)));
    show("index", std::panic::catch(|| arr[n + 2]));
    show("negative index", std::panic::catch(|| arr[n - 3]));
    show("u8", std::panic::catch(|| { let b: u8 = 200; (b + (n as u8) * 100) as i64 }));
    show("shift", std::panic::catch(|| 1 << (n + 70)));
    let none: Option<i64> = if n > 5 { Some(1) } else { None };
    show("unwrap", std::panic::catch(|| none.unwrap()));
    show("expect", std::panic::catch(|| none.expect("a value was needed")));
    let err: Result<i64, String> = if n > 5 { Ok(1) } else { Err("bad") };
    show("result unwrap", std::panic::catch(|| err.unwrap()));
    let p = Point { x: n, y: -n };
    show("formatted", std::panic::catch(|| panic("point {} is off by {:>4}", p, n * 3)));
    show("fine", std::panic::catch(|| arr[n as usize] + 1));
}
