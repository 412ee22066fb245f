package tlang.frontend.lex;

import tlang.frontend.source.Span;

/**
 * A token. {@code text} is the identifier's name, the decoded value of a string literal,
 * or the digits (without underscores or radix prefix) of an integer literal;
 * {@code radix} applies to integer literals only.
 */
public record Token(TokenKind kind, String text, Span span, int radix) {
    public Token(TokenKind kind, String text, Span span) { this(kind, text, span, 10); }
}
