use super::Cents;

pub fn print_money(label: String, c: Cents) {
    println("{} has ${}.{:02}", label, c.dollars(), cents_part(c.0));
}

fn cents_part(v: i64) -> i64 { v % 100 }

// A second `impl` of a type, in another module than the type's own.
impl Cents {
    pub fn dollars(&self) -> i64 { self.0 / 100 }
}
