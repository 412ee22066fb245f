// All arms of a `match` used as a value must have the same type.
fn main() {
    let n = 3;
    let label = match n {
        0 => "zero",
        1 => 1,
        _ => "many",
    };
}
