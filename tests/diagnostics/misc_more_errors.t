// Assorted errors that each have a code of their own.
struct S { a: i64, a: i64 }

impl i64 {
    fn double(self) -> i64 { self * 2 }
}

enum Flag { On, Off }

fn value() -> i64 {
    return;
}

fn main() {
    let v = Flag;
    5 = 3;
    let q = Missing { x: 1 };
    let unknown = Gadget::new();
    let r = Flag::On { x: 1 };
    let p = println;
}
