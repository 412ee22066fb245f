// Stack<T>: push, pop, peek, len, is_empty, iteration bottom to top, and value semantics
// (a copy shares the elements until one of the two changes).
#[derive(Debug, Clone, PartialEq)]
enum Token { Num(i64), Op(char) }

/** Evaluates a postfix expression with a stack of operands. */
fn eval_postfix(tokens: Vec<Token>) -> Option<i64> {
    let mut stack: Stack<i64> = Stack::new();
    for t in tokens {
        match t {
            Token::Num(n) => stack.push(n),
            Token::Op(op) => {
                let b = stack.pop()?;
                let a = stack.pop()?;
                stack.push(match op {
                    '+' => a + b,
                    '-' => a - b,
                    '*' => a * b,
                    _ => a / b,
                });
            }
        }
    }
    if stack.len() == 1 { stack.pop() } else { None }
}

/** Whether every bracket is closed by its partner, innermost first. */
fn balanced(text: String) -> bool {
    let mut open: Stack<u8> = Stack::new();
    for i in 0..text.len() {
        let c = text.byte_at(i);
        if c == b'(' || c == b'[' || c == b'{' {
            open.push(c);
        } else if c == b')' || c == b']' || c == b'}' {
            let want = if c == b')' { b'(' } else if c == b']' { b'[' } else { b'{' };
            if open.pop() != Some(want) { return false; }
        }
    }
    open.is_empty()
}

class Plate { n: i64 }

impl Drop for Plate {
    fn drop(&mut self) { print("wash{} ", self.n); }
}

fn main() {
    let mut s: Stack<i64> = Stack::new();
    println("{:?} {} {:?} {:?}", s, s.is_empty(), s.peek(), s.pop());
    for i in 1..=5 { s.push(i * 10); }
    let saved = s;
    println("{:?} len {} peek {:?}", s, s.len(), s.peek());
    println("pop {:?} pop {:?} -> {:?}", s.pop(), s.pop(), s);
    println("saved {:?} equal {}", saved, saved == s);
    let mut top_down: Vec<i64> = Vec::new();
    for x in saved.iter().rev() { top_down.push(x); }
    println("top first {:?}, contains 20: {}", top_down, saved.contains(&20));
    let total: i64 = saved.iter().sum();
    println("sum {} clone equal {}", total, saved.clone() == saved);

    let letters: Stack<char> = (0..4).map(|i| (b'a' + i as u8) as char).collect();
    let mut more = letters;
    more.extend(letters.iter().rev());
    println("{:?} top {:?}; extended {:?}", letters, letters.peek(), more);

    let mut tokens: Vec<Token> = Vec::new();
    for t in [Token::Num(3), Token::Num(4), Token::Op('+'), Token::Num(5), Token::Op('*'), Token::Num(6), Token::Op('-')] {
        tokens.push(t);
    }
    println("{:?}", eval_postfix(tokens));
    let mut bad: Vec<Token> = Vec::new();
    bad.push(Token::Num(1));
    bad.push(Token::Op('+'));
    println("{:?}", eval_postfix(bad));
    println("{} {} {}", balanced("([]{()})"), balanced("(]"), balanced("(("));

    // Class objects: what the stack lets go of is dropped when nobody else holds it.
    let mut plates: Stack<Plate> = Stack::new();
    for n in 1..=3 { plates.push(Plate { n }); }
    let top = plates.pop();
    println("took {}", top.unwrap().n);
    plates.clear();
    println("| cleared, {} left", plates.len());
}
