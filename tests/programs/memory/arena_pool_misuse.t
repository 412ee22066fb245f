// Misusing a Pool key or an ArenaRef panics with a message that says what went wrong;
// nothing reads memory that is not the value's.
use std::mem::{Arena, ArenaRef, Pool, PoolKey};

fn report<T>(what: String, r: Result<T, Panic>) {
    match r {
        Ok(v) => println("{}: no panic", what),
        Err(p) => println("{}: {}", what, p.message()),
    }
}

fn main() {
    let mut pool: Pool<i64> = Pool::with_capacity(2);
    let a = pool.insert(1).unwrap();
    pool.remove(a);
    let b = pool.insert(2).unwrap();
    report("stale index", std::panic::catch(|| pool[a]));
    report("stale set", std::panic::catch(|| { let mut p = pool; p.set(a, 5); }));
    report("stale place", std::panic::catch(|| { let mut p = pool; p[a] += 1; }));
    let mut big: Pool<i64> = Pool::with_capacity(8);
    let mut last = big.insert(0).unwrap();
    for i in 1..5 { last = big.insert(i).unwrap(); }
    report("foreign key", std::panic::catch(|| pool[last]));
    println("get is quiet: {:?} {:?} {}", pool.get(a), pool.get(last), pool.contains(b));
    report("too large", std::panic::catch(|| { let p: Pool<u8> = Pool::with_capacity(5000000000); p.len() }));

    let mut arena = Arena::new();
    let other = Arena::new();
    let x = arena.alloc(10i64);
    let s = arena.alloc("text".to_string());
    report("other arena", std::panic::catch(|| other[x]));
    report("other arena set", std::panic::catch(|| { let mut o = other; o[s] = "no".to_string(); }));
    println("owns: {} {}", arena.owns(x), other.owns(x));
    {
        let copy = arena;
        report("reset while copied", std::panic::catch(|| { let mut c = copy; c.reset(); }));
        println("still there: {} {}", arena[x], copy[s]);
    }
    arena.reset();
    report("after reset", std::panic::catch(|| arena[x]));
    report("after reset (string)", std::panic::catch(|| arena.get(s)));
    let y = arena.alloc(20i64);
    println("new value {} owns old {} new {}", arena[y], arena.owns(x), arena.owns(y));
    // A handle outliving its arena cannot be used: no arena carries its id any more.
    let mut kept: Option<ArenaRef<String>> = None;
    {
        let gone = Arena::new();
        kept = Some(gone.alloc("gone".to_string()));
    }
    report("arena gone", std::panic::catch(|| arena[kept.unwrap()]));
}
