// args: push one push two add push three mul dup add print pop
// A tiny stack machine driven by command-line words, matched as String patterns.
struct Stack { items: [i64; 8], len: usize }

impl Stack {
    fn push(&mut self, v: i64) {
        self.items[self.len] = v;
        self.len += 1;
    }
    fn pop(&mut self) -> i64 {
        if self.len == 0 {
            panic("stack underflow");
        }
        self.len -= 1;
        self.items[self.len]
    }
}

fn number(word: String) -> i64 {
    match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        _ => -1,
    }
}

fn main() {
    let mut s = Stack { items: [0; 8], len: 0 };
    let n = std::env::arg_count();
    let mut i = 1;
    while i < n {
        let w = std::env::arg(i);
        match w {
            "push" => {
                i += 1;
                s.push(number(std::env::arg(i)));
            }
            "add" => { let b = s.pop(); let a = s.pop(); s.push(a + b); }
            "mul" => { let b = s.pop(); let a = s.pop(); s.push(a * b); }
            "dup" => { let a = s.pop(); s.push(a); s.push(a); }
            "print" => println("top {} (depth {})", s.items[s.len - 1], s.len),
            "pop" => println("popped {}", s.pop()),
            other => println("unknown word {}", other),
        }
        i += 1;
    }
    println("{} words, final depth {}", n - 1, s.len);
}
