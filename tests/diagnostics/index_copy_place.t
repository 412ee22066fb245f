struct Grid { cells: [i64; 4] }
struct Cell { v: i64 }

impl Index<usize> for Grid {
    type Output = Cell;
    fn index(&self, i: usize) -> Cell { Cell { v: self.cells[i] } }
}

impl Cell {
    fn bump(&mut self) { self.v += 1; }
}

fn touch(c: &mut Cell) { c.v = 0; }

fn main() {
    let mut g = Grid { cells: [1, 2, 3, 4] };
    g[0].bump();
    touch(&mut g[1]);
    g[2].v = 9;
    println("{}", g[3].v);
}
