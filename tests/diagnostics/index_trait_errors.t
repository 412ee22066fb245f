// `c[i]` on a struct needs `Index`; `c[i] = v` needs `IndexMut`; parts of an
// element read through `Index` are copies and cannot be assigned.
struct Pt { x: i64 }
struct Line { pts: [Pt; 2] }
impl Index<usize> for Line { type Output = Pt; fn index(&self, i: usize) -> Pt { Pt { x: self.pts[i].x } } }
struct Bag { n: i64 }

fn main() {
    let mut l = Line { pts: [Pt { x: 1 }, Pt { x: 2 }] };
    l[0] = Pt { x: 5 };
    l[1].x = 9;
    let b = Bag { n: 1 };
    println("{}", b[0]);
}
