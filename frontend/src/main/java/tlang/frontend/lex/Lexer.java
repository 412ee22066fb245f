package tlang.frontend.lex;

import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.SourceFile;
import tlang.frontend.source.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns source text into tokens. Bad characters and malformed literals are reported and
 * skipped so that parsing can still find further errors; the token list always ends in EOF.
 */
public final class Lexer {
    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("fn", TokenKind.FN), Map.entry("let", TokenKind.LET), Map.entry("mut", TokenKind.MUT),
            Map.entry("if", TokenKind.IF), Map.entry("else", TokenKind.ELSE), Map.entry("while", TokenKind.WHILE),
            Map.entry("loop", TokenKind.LOOP), Map.entry("break", TokenKind.BREAK),
            Map.entry("continue", TokenKind.CONTINUE), Map.entry("return", TokenKind.RETURN),
            Map.entry("true", TokenKind.TRUE), Map.entry("false", TokenKind.FALSE));

    private final SourceFile file;
    private final String src;
    private final Diagnostics diags;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.src = file.text();
        this.diags = diags;
    }

    public static List<Token> lex(SourceFile file, Diagnostics diags) {
        Lexer lexer = new Lexer(file, diags);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipTrivia();
            if (pos >= src.length()) break;
            int start = pos;
            char c = src.charAt(pos);
            if (Character.isLetter(c) || c == '_') {
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
                String word = src.substring(start, pos);
                add(KEYWORDS.getOrDefault(word, TokenKind.IDENT), word, start);
            } else if (c >= '0' && c <= '9') {
                number(start);
            } else if (c == '"') {
                string(start);
            } else {
                punctuation(start, c);
            }
        }
        tokens.add(new Token(TokenKind.EOF, "", new Span(file, src.length(), src.length())));
    }

    private void add(TokenKind kind, String text, int start) {
        tokens.add(new Token(kind, text, new Span(file, start, pos)));
    }

    private void skipTrivia() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (src.startsWith("/*", pos)) {
                blockComment();
            } else {
                return;
            }
        }
    }

    /** Block comments nest, as in Rust, so that commenting out code that has comments works. */
    private void blockComment() {
        int start = pos;
        int depth = 0;
        while (pos < src.length()) {
            if (src.startsWith("/*", pos)) { depth++; pos += 2; }
            else if (src.startsWith("*/", pos)) { depth--; pos += 2; if (depth == 0) return; }
            else pos++;
        }
        diags.error(new Span(file, start, start + 2), "unterminated block comment");
    }

    private void number(int start) {
        int radix = 10;
        if (src.startsWith("0x", pos)) radix = 16;
        else if (src.startsWith("0o", pos)) radix = 8;
        else if (src.startsWith("0b", pos)) radix = 2;
        if (radix != 10) pos += 2;
        StringBuilder digits = new StringBuilder();
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            char d = src.charAt(pos++);
            if (d != '_') digits.append(d);
        }
        String text = digits.toString();
        boolean ok = !text.isEmpty();
        for (int i = 0; ok && i < text.length(); i++) ok = Character.digit(text.charAt(i), radix) >= 0;
        if (!ok) {
            pos = Math.max(pos, start + 1);
            diags.error(new Span(file, start, pos), "invalid " + radixName(radix) + " integer literal `" + src.substring(start, pos) + "`");
            text = "0";
        }
        tokens.add(new Token(TokenKind.INT, text, new Span(file, start, pos), radix));
    }

    private static String radixName(int radix) {
        return switch (radix) { case 16 -> "hexadecimal"; case 8 -> "octal"; case 2 -> "binary"; default -> "decimal"; };
    }

    private void string(int start) {
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                diags.error(new Span(file, start, start + 1), "unterminated string literal");
                break;
            }
            char c = src.charAt(pos);
            if (c == '"') { pos++; break; }
            if (c == '\\') { escape(value); continue; }
            value.append(c);
            pos++;
        }
        add(TokenKind.STRING, value.toString(), start);
    }

    private void escape(StringBuilder value) {
        int start = pos;
        pos++; // backslash
        if (pos >= src.length()) return;
        char e = src.charAt(pos++);
        switch (e) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '0' -> value.append('\0');
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case '\'' -> value.append('\'');
            case '\n' -> { while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++; }
            case 'u' -> unicodeEscape(start, value);
            case 'x' -> asciiEscape(start, value);
            default -> diags.error(new Span(file, start, pos), "unknown character escape `\\" + e + "`");
        }
    }

    /** `\x41`: exactly two hex digits, at most 7F, so that the result is one ASCII byte. */
    private void asciiEscape(int start, StringBuilder value) {
        int end = Math.min(pos + 2, src.length());
        String hex = src.substring(pos, end);
        if (hex.length() == 2 && Character.digit(hex.charAt(0), 16) >= 0 && Character.digit(hex.charAt(1), 16) >= 0) {
            pos = end;
            int v = Integer.parseInt(hex, 16);
            if (v <= 0x7F) { value.append((char) v); return; }
            diags.error(new Span(file, start, pos), "out of range hex escape `" + src.substring(start, pos) + "`", "note: `\\x` takes values up to `\\x7F`; use `\\u{...}` for other characters");
            return;
        }
        diags.error(new Span(file, start, pos), "invalid hex escape: expected two hex digits after `\\x`");
    }

    private void unicodeEscape(int start, StringBuilder value) {
        int close = src.indexOf('}', pos);
        int quote = src.indexOf('"', pos);
        if (pos >= src.length() || src.charAt(pos) != '{' || close < 0 || (quote >= 0 && quote < close)) {
            diags.error(new Span(file, start, pos), "invalid unicode escape: expected `\\u{XXXX}`");
            return;
        }
        String hex = src.substring(pos + 1, close).replace("_", "");
        pos = close + 1;
        try {
            int cp = Integer.parseInt(hex, 16);
            if (hex.isEmpty() || hex.length() > 6 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) throw new NumberFormatException();
            value.appendCodePoint(cp);
        } catch (NumberFormatException ex) {
            diags.error(new Span(file, start, pos), "invalid unicode character escape `" + src.substring(start, pos) + "`");
        }
    }

    private void punctuation(int start, char c) {
        TokenKind kind = switch (c) {
            case '(' -> TokenKind.LPAREN; case ')' -> TokenKind.RPAREN;
            case '{' -> TokenKind.LBRACE; case '}' -> TokenKind.RBRACE;
            case '[' -> TokenKind.LBRACKET; case ']' -> TokenKind.RBRACKET;
            case ',' -> TokenKind.COMMA; case ';' -> TokenKind.SEMI; case '.' -> TokenKind.DOT;
            case ':' -> two(':', TokenKind.PATH_SEP, TokenKind.COLON);
            case '+' -> two('=', TokenKind.PLUS_EQ, TokenKind.PLUS);
            case '*' -> two('=', TokenKind.STAR_EQ, TokenKind.STAR);
            case '/' -> two('=', TokenKind.SLASH_EQ, TokenKind.SLASH);
            case '%' -> two('=', TokenKind.PERCENT_EQ, TokenKind.PERCENT);
            case '!' -> two('=', TokenKind.NOT_EQ, TokenKind.BANG);
            case '<' -> two('=', TokenKind.LE, TokenKind.LT);
            case '>' -> two('=', TokenKind.GE, TokenKind.GT);
            case '-' -> peek(1) == '>' ? adv(TokenKind.ARROW) : two('=', TokenKind.MINUS_EQ, TokenKind.MINUS);
            case '=' -> peek(1) == '>' ? adv(TokenKind.FAT_ARROW) : two('=', TokenKind.EQ_EQ, TokenKind.EQ);
            case '&' -> peek(1) == '&' ? adv(TokenKind.AND_AND) : null;
            case '|' -> peek(1) == '|' ? adv(TokenKind.OR_OR) : null;
            default -> null;
        };
        if (kind == null) {
            int cp = src.codePointAt(pos);
            pos += Character.charCount(cp);
            diags.error(new Span(file, start, pos), "unexpected character `" + new String(Character.toChars(cp)) + "`");
            return;
        }
        pos++;
        add(kind, src.substring(start, pos), start);
    }

    private char peek(int ahead) {
        return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
    }

    /** A two-character token if the next character is {@code second}, else the one-character one. */
    private TokenKind two(char second, TokenKind pair, TokenKind single) {
        return peek(1) == second ? adv(pair) : single;
    }

    private TokenKind adv(TokenKind kind) {
        pos++;
        return kind;
    }
}
