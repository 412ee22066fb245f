// N-queens by backtracking with bitmasks: solution counts for n = 1..=9 and the first
// solution for n = 8 drawn as a board.
struct Solver {
    n: u32,
    place: [u32; 12],
    first: [u32; 12],
    found: u64,
    nodes: u64,
}

impl Solver {
    fn solve(&mut self, row: u32, cols: u32, d1: u32, d2: u32) {
        self.nodes += 1;
        if row == self.n {
            if self.found == 0 {
                self.first = self.place;
            }
            self.found += 1;
            return;
        }
        let full = (1u32 << self.n) - 1;
        let mut free = full & !(cols | d1 | d2);
        while free != 0 {
            let bit = free & (!free + 1);
            free ^= bit;
            self.place[row as usize] = bit.trailing_zeros();
            self.solve(row + 1, cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1);
        }
    }
}

fn main() {
    for n in 1..=9u32 {
        let mut s = Solver { n, place: [0; 12], first: [0; 12], found: 0, nodes: 0 };
        s.solve(0, 0, 0, 0);
        println("n={} solutions={:>3} nodes={}", n, s.found, s.nodes);
        if n == 8 {
            for r in 0..8 {
                for c in 0..8u32 {
                    print("{}", if s.first[r] == c { " Q" } else { " ." });
                }
                println();
            }
        }
    }
}
