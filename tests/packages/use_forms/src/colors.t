pub enum Color { Red, Green, Blue }

impl Color {
    pub fn name(&self) -> String {
        match self {
            Red => "red",
            Green => "green",
            Blue => "blue",
        }
    }
}

// A glob of the enum's own variants, used by the `match` above.
use self::Color::*;

pub fn favourite() -> Color { Green }
