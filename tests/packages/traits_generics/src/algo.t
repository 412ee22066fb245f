use crate::traits::Area;

pub fn largest<T: PartialOrd + Copy>(a: T, b: T) -> T {
    if a > b { a } else { b }
}

pub fn sum_areas<A: Area, B: Area>(a: A, b: B) -> f64 {
    a.area() + b.area()
}

pub fn pick<T>(first: bool, a: T, b: T) -> T {
    if first { a } else { b }
}
