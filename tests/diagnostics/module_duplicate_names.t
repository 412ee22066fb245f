// A module and a struct of the same name in one module (E0428).
mod shapes {}
struct shapes;

fn main() {}
