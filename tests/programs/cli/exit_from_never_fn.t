// exit: 3
// stderr: fatal: checksum mismatch
// A function returning `!` ends the process with a status computed from the data.
fn fail(code: i32) -> ! {
    eprintln("fatal: checksum mismatch");
    std::process::exit(code)
}

fn checksum(data: [u8; 6]) -> u8 {
    let mut s: u8 = 0;
    for d in data { s = s.wrapping_add(d); }
    s
}

fn main() {
    let data = [200, 100, 7, 1, 0, 3];
    let got = checksum(data);
    println("checksum {}", got);
    let expected: u8 = 58;
    let diff = if got > expected { got - expected } else { expected - got };
    if diff != 0 {
        fail(diff as i32);
    }
    println("ok");
}
