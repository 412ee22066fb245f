// Elementary cellular automata (rules 30, 90, 110) on a 63-cell row held in a u64 bitmask.
const WIDTH: u32 = 63;

fn step(row: u64, rule: u8) -> u64 {
    let mask: u64 = (1 << WIDTH) - 1;
    let mut next: u64 = 0;
    for i in 0..WIDTH {
        let left = if i + 1 < WIDTH { (row >> (i + 1)) & 1 } else { 0 };
        let mid = (row >> i) & 1;
        let right = if i > 0 { (row >> (i - 1)) & 1 } else { 0 };
        let idx = (left << 2) | (mid << 1) | right;
        if (rule >> idx) & 1 == 1 {
            next |= 1 << i;
        }
    }
    next & mask
}

fn show(row: u64) {
    let mut i = WIDTH;
    while i > 0 {
        i -= 1;
        print("{}", if (row >> i) & 1 == 1 { '█' } else { ' ' });
    }
    println("|");
}

fn main() {
    for rule in [30u8, 90, 110] {
        println("rule {}", rule);
        let mut row: u64 = 1 << (WIDTH / 2);
        if rule == 110 { row = 1; }
        let mut total = 0;
        for _ in 0..12 {
            show(row);
            total += row.count_ones();
            row = step(row, rule);
        }
        println("live cells over 12 rows: {}, final row {:#x}", total, row);
    }
}
