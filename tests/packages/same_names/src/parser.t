pub const LIMIT: i64 = 100;

pub struct Token { pub kind: i64 }

impl Token {
    pub fn describe() -> String { "parser token" }
}

pub fn helper(x: i64) -> i64 {
    if x == 0 {
        // A panic here is reported at this file and line.
        panic("empty input");
    }
    if x > 1000 { return helper(x / 1000); } // recursive, so that it stays a function of its own
    x * LIMIT + crate::helper(x)
}

pub fn parse(n: i64) -> i64 {
    if n > 1000 { return parse(n - 1000); }
    helper(n) + super::lexer::helper(n)
}
