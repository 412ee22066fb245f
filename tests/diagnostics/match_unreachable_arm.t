// An arm after a catch-all can never run: a warning (and an unrelated error, so the build fails).
fn describe(n: u8) -> String {
    match n {
        0 => "zero",
        _ => "other",
        5 => "five",
    }
}

fn main() {
    let x: u8 = describe(1);
}
