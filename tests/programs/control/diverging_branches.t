// Branches that diverge (return, break, continue, panic, exit) have type ! and fit any
// expected type.
fn safe_div(a: i64, b: i64) -> i64 {
    let q = if b == 0 { return 0; } else { a / b };
    q * 10
}

fn main() {
    println("{}", safe_div(17, 5));
    println("{}", safe_div(17, 0));
    let mut i = 0;
    let mut collected = 0;
    while i < 10 {
        i += 1;
        let v: i64 = if i % 2 == 0 { continue; } else { i };
        collected += v;
    }
    println("collected = {collected}");
    let mut n = 0;
    let last = loop {
        n += 1;
        let step: i64 = if n > 4 { break n * 100; } else { n };
        println("step {}", step);
    };
    println("last = {}", last);
    let checked: i64 = if last > 0 { last + 1 } else { panic("impossible") };
    println("checked = {}", checked);
    let done: i64 = if checked == 501 { 5 } else { std::process::exit(9) };
    println("done = {}", done);
}
