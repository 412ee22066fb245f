// `while let` over a stack whose pop returns an enum, `if let` with else branches, and
// let-destructuring of nested structs and tuples.
enum Slot { Empty, Item(i32, char) }

struct Stack { data: [(i32, char); 8], len: usize }

impl Stack {
    fn push(&mut self, v: i32, tag: char) {
        self.data[self.len] = (v, tag);
        self.len += 1;
    }
    fn pop(&mut self) -> Slot {
        if self.len == 0 {
            Slot::Empty
        } else {
            self.len -= 1;
            let (v, t) = self.data[self.len];
            Slot::Item(v, t)
        }
    }
}

struct Point { x: i32, y: i32 }
struct Segment { a: Point, b: Point, label: char }

fn main() {
    let mut s = Stack { data: [(0, ' '); 8], len: 0 };
    let tags = ['a', 'b', 'c', 'd', 'e'];
    for i in 0..5 {
        s.push(i as i32 * i as i32 - 3, tags[i]);
    }
    let mut negatives = 0;
    while let Slot::Item(v, tag) = s.pop() {
        if v < 0 {
            negatives += 1;
            continue;
        }
        println("{} {}", tag, v);
    }
    println("negatives {} left {}", negatives, s.len);
    if let Slot::Item(_, _) = s.pop() {
        println("unexpected");
    } else {
        println("empty");
    }

    let seg = Segment { a: Point { x: 1, y: -2 }, b: Point { x: 4, y: 2 }, label: 'k' };
    let Segment { a: Point { x: x1, y: y1 }, b, label } = seg;
    let Point { x: x2, y: y2 } = b;
    let ((dx, dy), name) = ((x2 - x1, y2 - y1), label);
    println("{} {} {} {}", name, dx, dy, dx * dx + dy * dy);
    let mut countdown = (3, 0);
    while let (n @ 1..=9, acc) = countdown {
        countdown = (n - 1, acc + n);
    }
    println("{} {}", countdown.0, countdown.1);
}
