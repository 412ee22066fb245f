// `const` and `static` items, associated constants, and constants built from others.
const LIMIT: u32 = 10;
const DOUBLE: u32 = LIMIT * 2;
const MASK: u8 = !0u8 >> 4;
const NAME: String = "T";
const ENABLED: bool = DOUBLE > 15 && true;
const LETTER: char = (b'A' as u8 + 2) as char;
static GREETING: String = "hello";
const BIG: i64 = i64::MAX / 2 + (1 << 40);

struct Grid {
    cells: u32,
}

impl Grid {
    const SIDE: u32 = 4;
    const AREA: u32 = Self::SIDE * Self::SIDE;

    fn full() -> Grid {
        Grid { cells: Grid::AREA }
    }
}

fn main() {
    println("{} {} {} {}", LIMIT, DOUBLE, MASK, NAME);
    println("{} {} {}", ENABLED, LETTER, GREETING);
    println("{}", BIG);
    println("{} {}", Grid::full().cells, Grid::SIDE);
    let mut total = 0;
    for i in 0..LIMIT {
        total += i;
    }
    println("{}", total);
}
