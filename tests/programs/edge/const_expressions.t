// Constants computed from other constants (declared in any order), with `if`, `as`,
// shifts and associated constants; used as array lengths and in patterns.
const AREA: usize = SIDE * SIDE;
const SIDE: usize = if BIG { 6 } else { 3 };
const BIG: bool = LIMIT > 1000;
const LIMIT: i64 = 1 << 10;
const MASK: u8 = (LIMIT >> 3) as u8 - 1;
const NEG: i32 = -(LIMIT as i32) / 3;
static GREETING: String = "consts";

struct Grid { cells: [u8; AREA] }

impl Grid {
    const EDGE: usize = SIDE - 1;
    const CENTER: usize = AREA / 2;
}

fn classify(n: i64) -> String {
    match n {
        LIMIT => "limit",
        0..=LIMIT => "within",
        _ => "outside",
    }
}

fn main() {
    let mut g = Grid { cells: [0; AREA] };
    for i in 0..AREA {
        g.cells[i] = (i as u8).wrapping_mul(37) & MASK;
    }
    println("{} {} {} {} {}", AREA, SIDE, BIG, MASK, NEG);
    println("{} edge {} center {} value {}", GREETING, Grid::EDGE, Grid::CENTER, g.cells[Grid::CENTER]);
    for n in [-1, 0, 512, 1024, 1025] {
        println("{} {}", n, classify(n));
    }
    let mut corner_sum = 0u32;
    for r in [0, Grid::EDGE] {
        for c in [0, Grid::EDGE] {
            corner_sum += g.cells[r * SIDE + c] as u32;
        }
    }
    println("corners {}", corner_sum);
}
