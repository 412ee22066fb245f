// `self` in a `use` path outside braces (E0429).
mod m { pub fn f() {} }
use m::self;
fn main() {}
