pub const LIMIT: i64 = 10;

pub struct Token { pub text: String }

impl Token {
    pub fn describe() -> String { "lexer token" }
}

pub fn helper(x: i64) -> i64 { x * LIMIT }
