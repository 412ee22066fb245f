// A million panics, each caught (the issue's stress test): every frame's drops run while
// unwinding, control returns to the loop, and nothing leaks (T_LEAK_CHECK=1 is on for
// every test): neither the objects nor the panics.
class Resource { id: i64 }

fn work(i: i64) -> i64 {
    let r = Resource { id: i };
    let v = Resource { id: i + 1 };
    if i % 1 == 0 { panic("failure"); }
    r.id + v.id
}

fn main() {
    let mut caught = 0;
    let mut i = 0;
    while i < 1000000 {
        let keep = Resource { id: i };
        match std::panic::catch(|| work(keep.id)) {
            Ok(v) => println("unexpected {}", v),
            Err(p) => { if p.message() == "failure" { caught += 1; } }
        }
        i += 1;
    }
    println("caught {}", caught);
}
