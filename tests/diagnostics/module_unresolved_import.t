// Imports that do not resolve (E0432).
mod geometry {
    pub struct Point { pub x: f64, pub y: f64 }
    pub mod shapes {
        pub fn circle() {}
    }
}

use geometry::Pont;
use geometry::shapes::{circle, square};
use geometry::nothing::Thing;
use geomtry::Point;
use Point::x;

fn main() {}
