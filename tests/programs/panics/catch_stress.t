// 100,000 panics caught in a loop, with literal and formatted messages: each catch ends
// its panic (the runtime's pool of panic objects is reused), equal messages share their
// stored copy, and the loop finishes in well under a second.
fn work(i: i64) -> i64 {
    if i % 2 == 0 { panic("even"); }
    if i % 3 == 0 { panic("multiple of three: {}", i % 9); }
    i
}

fn main() {
    let mut caught = 0;
    let mut sum = 0;
    let mut nines = 0;
    for i in 0..100000 {
        match std::panic::catch(|| work(i)) {
            Ok(v) => sum += v,
            Err(p) => {
                caught += 1;
                if p.message() == "multiple of three: 0" { nines += 1; }
            }
        }
    }
    println("caught {caught}, sum {sum}, multiples of nine {nines}");
}
