// exit: 101
// stderr: panicked at packages/same_names/src/parser.t:12:9: empty input
//
// Functions, structs and constants of the same name in several modules are different
// items, with different symbols (CliTest checks that a backtrace names each by its
// module path); a panic names the module's file.
mod lexer;
mod parser;

const LIMIT: i64 = 1;

fn helper(x: i64) -> i64 { x + LIMIT }

fn main() {
    println("{} {} {}", helper(1), lexer::helper(1), parser::helper(1));
    println("{} {} {}", LIMIT, lexer::LIMIT, parser::LIMIT);
    let a = lexer::Token { text: "let" };
    let b = parser::Token { kind: 7 };
    println("{} {}", a.text, b.kind);
    println("{} / {}", lexer::Token::describe(), parser::Token::describe());
    println("{}", parser::parse(3));
    println("{}", parser::parse(0));
}
