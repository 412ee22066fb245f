// More pattern mistakes: a field twice, a range of the wrong type, an empty range,
// a name bound twice, an unknown variant path, a tuple pattern for a unit variant,
// a unit pattern for a variant with fields, and a float literal.
enum E {
    Unit,
    Pair(i64, i64),
    Named { a: i64 },
}

fn main() {
    let e = E::Unit;
    match e {
        E::Named { a, a: b } => {}
        E::Unit(x) => {}
        E::Pair => {}
        _ => {}
    }
    match 1.5 {
        1.5 => {}
        _ => {}
    }
    match "s" {
        "a"..="z" => {}
        _ => {}
    }
    match 5 {
        10..=1 => {}
        _ => {}
    }
    match (1, 2) {
        (x, x) => {}
    }
    match e {
        Nope(x) => {}
        _ => {}
    }
}
