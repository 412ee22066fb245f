// A module file that declares itself (E1501).
mod module_circular;

fn main() {}
