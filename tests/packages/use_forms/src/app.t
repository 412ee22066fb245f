// args: alpha beta
mod colors;
mod config;
mod geometry;

use colors::Color;
use colors::Color::{Red, Green as Verde};
use config::{Limits as Bounds, defaults::{self, MAX_ITEMS, greeting as hello}};
use geometry::*;
use geometry::shapes::Shape::*;
use std::env;
use std::process::exit;

fn paint(c: Color) -> String {
    match c {
        Red => "red",
        Verde => "green",
        Color::Blue => "blue",
    }
}

fn main() {
    println("{} {} {}", paint(Red), paint(Verde), paint(colors::Color::Blue));
    println("{}", colors::favourite().name());

    let b = Bounds { low: 1, high: MAX_ITEMS };
    println("{} {} {}", b.low, b.high, config::describe(&b));
    println("{}", hello());
    println("{}", defaults::GREETING == hello());

    let p = origin();
    let q = Point { x: 3, y: 4 };
    println("{} {}", manhattan(p, q), shapes::count());
    let shapes = [Circle(2), Square(3), Dot];
    let mut total = 0;
    for i in 0..3 {
        total += shapes::area(&shapes[i]);
    }
    println("total area {}", total);

    let grid: Grid = [[1, 2], [3, 4]];
    let pair: Pair<i64> = (grid[0][1], grid[1][0]);
    println("{} {}", pair.0 + pair.1, geometry::Scale::new(5).factor);

    println("{} args, first {}", env::arg_count() - 1, env::arg(1));
    if env::arg_count() > 5 { exit(3); }
}
