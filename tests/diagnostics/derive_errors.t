// Derives that cannot be written: `Default` of an enum, and a trait that is not derivable.
#[derive(Default)]
enum E { A, B }

#[derive(Display)]
struct Q { y: i64 }

fn main() {}
