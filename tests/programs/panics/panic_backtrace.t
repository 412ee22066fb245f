// flags: -O0
// env: T_BACKTRACE=1
// Panic::backtrace(): under T_BACKTRACE the frames of the panic are captured when it is
// raised and kept with the caught `Panic`, innermost first (at -O0 every call is a frame
// of its own); catching the same panic again gives the same frames.
fn inner(x: i64) -> i64 {
    if x > 2 { panic("too big: {}", x); }
    x
}

fn outer(x: i64) -> i64 { inner(x + 1) * 2 }

fn main() {
    for round in 0..2 {
        match std::panic::catch(|| outer(5)) {
            Ok(v) => println("ok {v}"),
            Err(p) => {
                println("round {round}: {}", p);
                match p.backtrace() {
                    None => println("no backtrace"),
                    Some(bt) => {
                        println("nonzero: {}", bt.len() > 0 && bt.address(0) != 0);
                        println("{}", bt);
                    }
                }
                // A clone keeps the frames.
                println("clone has them: {}", p.clone().backtrace().is_some());
            }
        }
    }
}
