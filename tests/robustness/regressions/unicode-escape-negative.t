// Known bug: a signed hex value in a \u{...} escape crashes the lexer
// (IllegalArgumentException from StringBuilder.appendCodePoint at tlang.frontend.lex.Lexer.unicodeEscape).
fn main() {
    let s = "\u{-1}";
}
