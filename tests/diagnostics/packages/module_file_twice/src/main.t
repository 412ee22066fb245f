// A module whose file exists in both places Rust's convention allows (E0761).
mod geometry;

fn main() {}
