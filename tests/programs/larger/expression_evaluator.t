// An arithmetic expression evaluator: a tokenizer over fixed byte arrays, a
// recursive-descent parser that builds an AST in an arena of enum nodes (indices
// stand in for pointers), a printer and an evaluator that reports division by zero.

const SRC_LEN: usize = 24;
const MAX_TOKENS: usize = 32;
const MAX_NODES: usize = 48;
const EXPR_COUNT: i64 = 13;

enum Token {
    Num(i64),
    Op(u8),
    Open,
    Close,
    End,
}

enum Node {
    Lit(i64),
    Neg(usize),
    Bin { op: u8, lhs: usize, rhs: usize },
}

enum Failure {
    None,
    Lex(usize),
    Parse(usize),
    Capacity,
}

struct Parser {
    toks: [Token; MAX_TOKENS],
    ntoks: usize,
    pos: usize,
    nodes: [Node; MAX_NODES],
    nnodes: usize,
    failure: Failure,
}

fn source(n: i64) -> [u8; SRC_LEN] {
    match n {
        0 => [b'1', b' ', b'+', b' ', b'2', b' ', b'*', b' ', b'3', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        1 => [b'(', b'1', b' ', b'+', b' ', b'2', b')', b' ', b'*', b' ', b'3', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        2 => [b'-', b'(', b'4', b' ', b'-', b' ', b'1', b'0', b')', b' ', b'*', b' ', b'7', b' ', b'%', b' ', b'5', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        3 => [b'1', b'0', b'0', b' ', b'/', b' ', b'(', b'3', b' ', b'-', b' ', b'3', b')', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        4 => [b'2', b' ', b'*', b' ', b'(', b'3', b' ', b'+', b' ', b'(', b'4', b' ', b'-', b' ', b'1', b')', b')', b' ', b'/', b' ', b'4', b' ', b' ', b' '],
        5 => [b'(', b'(', b'7', b')', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        6 => [b'8', b' ', b'-', b' ', b'3', b' ', b'-', b' ', b'2', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        7 => [b'-', b'7', b' ', b'/', b' ', b'2', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        8 => [b'1', b'2', b' ', b'$', b' ', b'4', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        9 => [b'9', b'9', b'9', b'9', b'9', b' ', b'*', b' ', b'9', b'9', b'9', b'9', b'9', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        10 => [b'-', b'-', b'5', b' ', b'+', b' ', b'-', b'(', b'-', b'(', b'2', b')', b')', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        11 => [b'1', b' ', b'+', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        12 => [b'1', b'7', b' ', b'%', b' ', b'-', b'5', b' ', b'*', b' ', b'(', b'2', b'+', b'1', b')', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' ', b' '],
        _ => [b' '; SRC_LEN],
    }
}

fn is_digit(c: u8) -> bool {
    match c {
        b'0'..=b'9' => true,
        _ => false,
    }
}

impl Parser {
    fn new() -> Parser {
        Parser {
            toks: [Token::End; MAX_TOKENS],
            ntoks: 0,
            pos: 0,
            nodes: [Node::Lit(0); MAX_NODES],
            nnodes: 0,
            failure: Failure::None,
        }
    }

    fn ok(&self) -> bool {
        match self.failure {
            Failure::None => true,
            _ => false,
        }
    }

    fn emit(&mut self, t: Token) {
        if self.ntoks == MAX_TOKENS {
            self.failure = Failure::Capacity;
            return;
        }
        self.toks[self.ntoks] = t;
        self.ntoks += 1;
    }

    fn lex(&mut self, src: &[u8; SRC_LEN]) {
        let mut i = 0;
        while i < SRC_LEN && self.ok() {
            let c = src[i];
            if is_digit(c) {
                let mut value: i64 = 0;
                while i < SRC_LEN && is_digit(src[i]) {
                    value = value * 10 + (src[i] - b'0') as i64;
                    i += 1;
                }
                self.emit(Token::Num(value));
                continue;
            }
            match c {
                b' ' => {}
                b'+' | b'-' | b'*' | b'/' | b'%' => self.emit(Token::Op(c)),
                b'(' => self.emit(Token::Open),
                b')' => self.emit(Token::Close),
                _ => self.failure = Failure::Lex(i),
            }
            i += 1;
        }
        self.emit(Token::End);
    }

    fn peek(&self) -> Token {
        self.toks[self.pos]
    }

    fn bump(&mut self) {
        if self.pos + 1 < self.ntoks {
            self.pos += 1;
        }
    }

    fn push(&mut self, n: Node) -> usize {
        if self.nnodes == MAX_NODES {
            self.failure = Failure::Capacity;
            return 0;
        }
        self.nodes[self.nnodes] = n;
        self.nnodes += 1;
        self.nnodes - 1
    }

    // expr := term (('+' | '-') term)*
    fn expr(&mut self) -> usize {
        let mut lhs = self.term();
        loop {
            if !self.ok() { return lhs; }
            match self.peek() {
                Token::Op(op) if op == b'+' || op == b'-' => {
                    self.bump();
                    let rhs = self.term();
                    lhs = self.push(Node::Bin { op, lhs, rhs });
                }
                _ => break,
            }
        }
        lhs
    }

    // term := unary (('*' | '/' | '%') unary)*
    fn term(&mut self) -> usize {
        let mut lhs = self.unary();
        while self.ok() {
            match self.peek() {
                Token::Op(op @ b'*') | Token::Op(op @ b'/') | Token::Op(op @ b'%') => {
                    self.bump();
                    let rhs = self.unary();
                    lhs = self.push(Node::Bin { op, lhs, rhs });
                }
                _ => break,
            }
        }
        lhs
    }

    // unary := '-' unary | primary
    fn unary(&mut self) -> usize {
        if let Token::Op(b'-') = self.peek() {
            self.bump();
            let inner = self.unary();
            return self.push(Node::Neg(inner));
        }
        self.primary()
    }

    // primary := number | '(' expr ')'
    fn primary(&mut self) -> usize {
        match self.peek() {
            Token::Num(v) => {
                self.bump();
                self.push(Node::Lit(v))
            }
            Token::Open => {
                self.bump();
                let inner = self.expr();
                match self.peek() {
                    Token::Close => self.bump(),
                    _ => {
                        if self.ok() { self.failure = Failure::Parse(self.pos); }
                    }
                }
                inner
            }
            _ => {
                if self.ok() { self.failure = Failure::Parse(self.pos); }
                0
            }
        }
    }

    fn parse(&mut self) -> usize {
        let root = self.expr();
        if self.ok() {
            match self.peek() {
                Token::End => {}
                _ => self.failure = Failure::Parse(self.pos),
            }
        }
        root
    }

    // Returns the value and whether it is defined (no division by zero below it).
    fn eval(&self, at: usize) -> (i64, bool) {
        match self.nodes[at] {
            Node::Lit(v) => (v, true),
            Node::Neg(inner) => {
                let (v, ok) = self.eval(inner);
                (-v, ok)
            }
            Node::Bin { op, lhs, rhs } => {
                let (a, oka) = self.eval(lhs);
                let (b, okb) = self.eval(rhs);
                if !oka || !okb {
                    return (0, false);
                }
                match (op, b) {
                    (b'/' | b'%', 0) => (0, false),
                    (b'+', _) => (a + b, true),
                    (b'-', _) => (a - b, true),
                    (b'*', _) => (a * b, true),
                    (b'/', _) => (a / b, true),
                    _ => (a % b, true),
                }
            }
        }
    }

    fn depth(&self, at: usize) -> i64 {
        match self.nodes[at] {
            Node::Lit(_) => 1,
            Node::Neg(inner) => 1 + self.depth(inner),
            Node::Bin { lhs, rhs, .. } => 1 + self.depth(lhs).max(self.depth(rhs)),
        }
    }

    fn show(&self, at: usize) {
        match self.nodes[at] {
            Node::Lit(v) => print("{}", v),
            Node::Neg(inner) => {
                print("(neg ");
                self.show(inner);
                print(")");
            }
            Node::Bin { op, lhs, rhs } => {
                print("({} ", op as char);
                self.show(lhs);
                print(" ");
                self.show(rhs);
                print(")");
            }
        }
    }
}

fn main() {
    let mut good = 0;
    let mut bad = 0;
    let mut checksum: i64 = 0;
    for n in 0..EXPR_COUNT {
        let src = source(n);
        let mut p = Parser::new();
        p.lex(&src);
        let root = if p.ok() { p.parse() } else { 0 };
        print("#{:<2} ", n);
        match p.failure {
            Failure::Lex(col) => {
                println("lex error at column {}", col);
                bad += 1;
            }
            Failure::Parse(tok) => {
                println("parse error at token {} of {}", tok, p.ntoks);
                bad += 1;
            }
            Failure::Capacity => {
                println("too large");
                bad += 1;
            }
            Failure::None => {
                p.show(root);
                let (value, defined) = p.eval(root);
                if defined {
                    println(" = {} [nodes {}, depth {}]", value, p.nnodes, p.depth(root));
                    checksum = checksum.wrapping_mul(31).wrapping_add(value);
                    good += 1;
                } else {
                    println(" = undefined (division by zero)");
                    bad += 1;
                }
            }
        }
    }
    println("{} evaluated, {} rejected, checksum {}", good, bad, checksum);
}
