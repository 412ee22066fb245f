// A module of a module whose file is missing (E0583): it is looked for in `net/`.
mod net;

fn main() {}
