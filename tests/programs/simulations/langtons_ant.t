// Langton's ant on a 21x21 torus for 600 steps; the direction is an enum with turn methods.
const N: usize = 21;

enum Dir { Up, Right, Down, Left }

impl Dir {
    fn right(self) -> Dir {
        match self { Dir::Up => Dir::Right, Dir::Right => Dir::Down, Dir::Down => Dir::Left, Dir::Left => Dir::Up }
    }
    fn left(self) -> Dir {
        self.right().right().right()
    }
    fn delta(self) -> (usize, usize) {
        match self {
            Dir::Up => (N - 1, 0),
            Dir::Right => (0, 1),
            Dir::Down => (1, 0),
            Dir::Left => (0, N - 1),
        }
    }
}

fn main() {
    let mut grid = [[false; N]; N];
    let (mut r, mut c) = (N / 2, N / 2);
    let mut d = Dir::Up;
    let mut flips = 0;
    for _ in 0..600 {
        d = if grid[r][c] { d.left() } else { d.right() };
        grid[r][c] = !grid[r][c];
        flips += 1;
        let (dr, dc) = d.delta();
        r = (r + dr) % N;
        c = (c + dc) % N;
    }
    let mut black = 0;
    for row in grid {
        for cell in row {
            print("{}", if cell { '#' } else { '.' });
            if cell { black += 1; }
        }
        println();
    }
    let facing = match d { Dir::Up => "up", Dir::Right => "right", Dir::Down => "down", Dir::Left => "left" };
    println("ant at ({}, {}) facing {}; {} black cells after {} flips", r, c, facing, black, flips);
}
