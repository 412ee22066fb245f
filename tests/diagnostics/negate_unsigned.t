// Unsigned values cannot be negated, even when the type comes from later use.
fn take(x: u32) -> u32 { x }

fn main() {
    let n = -5;
    println("{}", take(n));
}
