package tlang.frontend.lex;

import tlang.frontend.source.Span;

/**
 * A token. {@code text} is the identifier's name, the decoded value of a string or char
 * literal, the digits (without underscores or radix prefix) of an integer literal, or the
 * text of a float literal without underscores; {@code radix} applies to integer literals
 * and {@code suffix} (`u8`, `f32`, ... or null) to number literals.
 */
public record Token(TokenKind kind, String text, Span span, int radix, String suffix) {
    public Token(TokenKind kind, String text, Span span) { this(kind, text, span, 10, null); }
}
