// The prelude's items through their std paths (`use std::fmt::Display;`, `impl
// std::error::Error for ...`), and the Error trait.
use std::fmt::{Display, Debug, Formatter};
use std::error::Error;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

#[derive(Debug)]
enum ParseError { Empty, BadDigit(char) }

impl Display for ParseError {
    fn fmt(&self, f: &mut Formatter) {
        match self {
            ParseError::Empty => write(f, "empty input"),
            ParseError::BadDigit(c) => write(f, "bad digit {:?}", c),
        }
    }
}

impl std::error::Error for ParseError {
    fn message(&self) -> String {
        match self { ParseError::Empty => "empty", ParseError::BadDigit(_) => "bad digit" }
    }
}

fn report<E: Error>(e: &E) {
    println("error: {} ({}) {:?}", e, e.message(), e);
}

fn main() {
    report(&ParseError::Empty);
    report(&ParseError::BadDigit('x'));
    println("{:?}", 3i64.cmp(&4) == Ordering::Less);
    println("{:?}", std::cmp::Ordering::Greater);
    let mut h = Hasher::new();
    5u8.hash(&mut h);
    println("{}", h.finish());
}
