// A name brought in twice by `use` (E0252), or over an item of the module (E0255).
mod a {
    pub fn run() {}
    pub struct Config;
}
mod b {
    pub fn run() {}
    pub struct Config;
}

use a::run;
use b::run;
use a::Config;

struct Config;

fn main() {
    run();
}
