// Patterns must fit the type they match and bind the same names on both sides of `|`.
enum E {
    A(i64),
    B { x: i64 },
}

fn main() {
    let e = E::A(1);
    match e {
        E::A(a, b) => {}
        E::B { y } => {}
        E::C => {}
    }
    let t = (1, 2);
    match t {
        (a, 0) | (0, b) => {}
        _ => {}
    }
    let (p, q) = 5;
}
