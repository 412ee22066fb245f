// Generic structs and enums, with generic impls; one instance per type-argument list.

struct Pair<A, B> {
    first: A,
    second: B,
}

impl<A: Copy, B: Copy> Pair<A, B> {
    fn new(first: A, second: B) -> Pair<A, B> {
        Pair { first, second }
    }

    fn swapped(&self) -> Pair<B, A> {
        Pair { first: self.second, second: self.first }
    }
}

struct Stack<T> {
    items: [T; 8],
    len: usize,
}

impl<T: Copy + Default> Stack<T> {
    fn new() -> Stack<T> {
        Stack { items: [T::default(); 8], len: 0 }
    }

    fn push(&mut self, x: T) -> bool {
        if self.len == 8 {
            return false;
        }
        self.items[self.len] = x;
        self.len += 1;
        true
    }

    fn pop(&mut self) -> Option<T> {
        if self.len == 0 {
            None
        } else {
            self.len -= 1;
            Some(self.items[self.len])
        }
    }

    fn peek(&self) -> Option<T> {
        if self.len == 0 { None } else { Some(self.items[self.len - 1]) }
    }
}

enum Tree<T> {
    Leaf(T),
    Pair(T, T),
    Empty,
}

impl<T: Copy + Add<Output = T>> Tree<T> {
    fn total(&self, zero: T) -> T {
        match self {
            Tree::Leaf(x) => x,
            Tree::Pair(a, b) => a + b,
            Tree::Empty => zero,
        }
    }
}

struct Wrapper<T>(T);

fn main() {
    let p = Pair::new(7, 'k');
    let q = p.swapped();
    println("{} {} / {} {}", p.first, p.second, q.first, q.second);

    let mut s: Stack<i64> = Stack::new();
    for i in 1..=10 {
        if !s.push(i * i) {
            println("full at {}", i);
            break;
        }
    }
    println("peek {}", s.peek().unwrap());
    let mut popped = 0;
    while let Some(x) = s.pop() {
        popped += x;
    }
    println("popped sum {}", popped);
    println("empty: {}", s.peek().is_none());

    let mut fs = Stack::<f64>::new();
    fs.push(1.5);
    fs.push(2.5);
    println("{}", fs.pop().unwrap() + fs.pop().unwrap());

    let trees = [Tree::Leaf(4), Tree::Pair(5, 6), Tree::Empty];
    for t in trees {
        println("tree {}", t.total(0));
    }
    let ft: Tree<f64> = Tree::Pair(0.5, 0.25);
    println("{}", ft.total(0.0));

    let w = Wrapper(Wrapper(3u8));
    println("{}", w.0.0);
}
