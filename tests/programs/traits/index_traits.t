#[derive(Debug, Clone, Copy)]
struct Grid { cells: [i64; 9] }

impl Index<(usize, usize)> for Grid {
    type Output = i64;
    fn index(&self, at: (usize, usize)) -> i64 { self.cells[at.0 * 3 + at.1] }
}

impl IndexMut<(usize, usize)> for Grid {
    fn index_set(&mut self, at: (usize, usize), value: i64) { self.cells[at.0 * 3 + at.1] = value; }
}

struct Pt { x: i64 }
struct Line { pts: [Pt; 2] }
impl Index<usize> for Line { type Output = Pt; fn index(&self, i: usize) -> Pt { Pt { x: self.pts[i].x } } }

fn sum_diag<G: Index<(usize, usize), Output = i64>>(g: &G) -> i64 {
    g[(0, 0)] + g[(1, 1)] + g[(2, 2)]
}

fn main() {
    let mut g = Grid { cells: [0; 9] };
    g[(1, 1)] = 5;
    g[(2, 2)] += 7;
    g[(0, 0)] = g[(1, 1)] * 2;
    println("{} {} {}", g[(0, 0)], g[(1, 1)], g[(2, 2)]);
    println("{}", sum_diag(&g));
    let l = Line { pts: [Pt { x: 1 }, Pt { x: 2 }] };
    println("{}", l[1].x);
    sparse();
}

// A sparse vector keyed by position: Index with a default, IndexMut storing.
struct Sparse { keys: [usize; 4], vals: [f64; 4], used: usize }

impl Index<usize> for Sparse {
    type Output = f64;
    fn index(&self, k: usize) -> f64 {
        for i in 0..self.used {
            if self.keys[i] == k { return self.vals[i]; }
        }
        0.0
    }
}

impl IndexMut<usize> for Sparse {
    fn index_set(&mut self, k: usize, v: f64) {
        for i in 0..self.used {
            if self.keys[i] == k { self.vals[i] = v; return; }
        }
        self.keys[self.used] = k;
        self.vals[self.used] = v;
        self.used += 1;
    }
}

fn sparse() {
    let mut s = Sparse { keys: [0; 4], vals: [0.0; 4], used: 0 };
    s[1000] = 2.5;
    s[7] = 1.0;
    s[1000] *= 4.0;
    println("{} {} {} {}", s[1000], s[7], s[3], s.used);
}
