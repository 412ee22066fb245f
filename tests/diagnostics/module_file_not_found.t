// `mod name;` whose file is not next to this one (E0583), and a module named with a
// reserved word (E1503).
mod geometry;
mod crate;

fn main() {}
