#[derive(Debug, Hash)]
struct P { x: i64 }

#[derive(Default)]
enum E { A, B }

fn main() {}
