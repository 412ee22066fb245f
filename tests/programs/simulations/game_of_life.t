// Conway's game of life on a 12x12 torus: a glider and a blinker, 24 generations.
const N: usize = 12;

struct World {
    cells: [[bool; N]; N],
    generation: u32,
}

impl World {
    fn empty() -> World {
        World { cells: [[false; N]; N], generation: 0 }
    }

    fn set(&mut self, r: usize, c: usize) {
        self.cells[r % N][c % N] = true;
    }

    fn neighbours(&self, r: usize, c: usize) -> u32 {
        let mut n = 0;
        for dr in 0..3 {
            for dc in 0..3 {
                if dr == 1 && dc == 1 { continue; }
                let rr = (r + N + dr - 1) % N;
                let cc = (c + N + dc - 1) % N;
                if self.cells[rr][cc] { n += 1; }
            }
        }
        n
    }

    fn step(&mut self) {
        let mut next = [[false; N]; N];
        for r in 0..N {
            for c in 0..N {
                let alive = self.cells[r][c];
                next[r][c] = match (alive, self.neighbours(r, c)) {
                    (true, 2) | (true, 3) => true,
                    (false, 3) => true,
                    _ => false,
                };
            }
        }
        self.cells = next;
        self.generation += 1;
    }

    fn population(&self) -> u32 {
        let mut p = 0;
        for row in self.cells {
            for c in row {
                if c { p += 1; }
            }
        }
        p
    }

    fn draw(&self) {
        println("generation {} (population {})", self.generation, self.population());
        for row in self.cells {
            for c in row { print("{}", if c { '#' } else { '.' }); }
            println();
        }
    }
}

fn main() {
    let mut w = World::empty();
    // glider
    w.set(0, 1);
    w.set(1, 2);
    w.set(2, 0);
    w.set(2, 1);
    w.set(2, 2);
    // blinker
    w.set(7, 7);
    w.set(7, 8);
    w.set(7, 9);
    w.draw();
    for g in 1..=24 {
        w.step();
        if g % 8 == 0 { w.draw(); }
    }
}
