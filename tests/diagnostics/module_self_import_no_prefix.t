// `self` in a `use` group without a module before it (E0431).
use {self};
fn main() {}
