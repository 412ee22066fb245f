// Closures, iterators, dyn and Hash across modules: a generic helper in one module takes
// closures written in another; an iterator type from a module is used with prelude adapters.
mod stats;
mod shapes;

use stats::{summarize, Window};
use shapes::{Shape, Square, total_area};

fn main() {
    let offset = 100;
    let s = summarize(1..=10, |x| x * x + offset);
    println("{:?}", s);
    let evens: i64 = Window::new(3, 12).filter(|x| x % 2 == 0).sum();
    println("{evens}");
    let sq = Square { side: 3 };
    println("{}", total_area(&sq, |a| a * 2));
    println("{}", stats::fingerprint(&s) == stats::fingerprint(&stats::Summary { min: 101, max: 200, total: 485 }));
}
