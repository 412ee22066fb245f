package tlang.frontend.lex;

import tlang.frontend.diag.ErrorCode;
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
            Map.entry("true", TokenKind.TRUE), Map.entry("false", TokenKind.FALSE), Map.entry("as", TokenKind.AS),
            Map.entry("struct", TokenKind.STRUCT), Map.entry("impl", TokenKind.IMPL), Map.entry("self", TokenKind.SELF_VALUE),
            Map.entry("Self", TokenKind.SELF_TYPE), Map.entry("pub", TokenKind.PUB), Map.entry("enum", TokenKind.ENUM),
            Map.entry("match", TokenKind.MATCH), Map.entry("for", TokenKind.FOR), Map.entry("in", TokenKind.IN),
            Map.entry("const", TokenKind.CONST), Map.entry("static", TokenKind.STATIC),
            Map.entry("trait", TokenKind.TRAIT), Map.entry("where", TokenKind.WHERE), Map.entry("type", TokenKind.TYPE),
            Map.entry("dyn", TokenKind.DYN), Map.entry("class", TokenKind.CLASS), Map.entry("move", TokenKind.MOVE),
            Map.entry("unsafe", TokenKind.UNSAFE));
    private static final java.util.Set<String> INT_SUFFIXES = java.util.Set.of(
            "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize");
    private static final java.util.Set<String> FLOAT_SUFFIXES = java.util.Set.of("f32", "f64");

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
            if (c == 'b' && pos + 1 < src.length() && src.charAt(pos + 1) == '\'') {
                byteLiteral(start);
            } else if (Character.isLetter(c) || c == '_') {
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
                String word = src.substring(start, pos);
                add(KEYWORDS.getOrDefault(word, TokenKind.IDENT), word, start);
            } else if (c >= '0' && c <= '9') {
                number(start);
            } else if (c == '"') {
                string(start);
            } else if (c == '\'') {
                character(start);
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
        diags.error(ErrorCode.E1002, new Span(file, start, start + 2), "unterminated block comment");
    }

    /**
     * Integer and float literals, with an optional type suffix (`255u8`, `1.5f32`, `2f64`).
     * `1..2` is a range, not a float, and after `.` (tuple fields: `t.0.1`) only an integer
     * is read.
     */
    private void number(int start) {
        int radix = 10;
        if (src.startsWith("0x", pos)) radix = 16;
        else if (src.startsWith("0o", pos)) radix = 8;
        else if (src.startsWith("0b", pos)) radix = 2;
        if (radix != 10) pos += 2;
        StringBuilder digits = new StringBuilder();
        while (pos < src.length() && (asciiDigit(src.charAt(pos), Math.max(radix, 10)) >= 0 || src.charAt(pos) == '_')) {
            char d = src.charAt(pos++);
            if (d != '_') digits.append(d);
        }
        boolean afterDot = !tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == TokenKind.DOT;
        boolean isFloat = false;
        if (radix == 10 && !afterDot) {
            // A fraction needs a digit or nothing-identifier-like after the point: `1.5`, `1.`,
            // but not `1..2` (a range) or `1.foo()` (a method call).
            if (peekIs('.') && !peekAt(1, '.') && !(pos + 1 < src.length() && (Character.isLetter(src.charAt(pos + 1)) || src.charAt(pos + 1) == '_'))) {
                isFloat = true;
                digits.append('.');
                pos++;
                while (pos < src.length() && (asciiDigit(src.charAt(pos), 10) >= 0 || src.charAt(pos) == '_')) {
                    char d = src.charAt(pos++);
                    if (d != '_') digits.append(d);
                }
            }
            if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E') && exponentFollows()) {
                isFloat = true;
                digits.append('e');
                pos++;
                if (src.charAt(pos) == '+' || src.charAt(pos) == '-') digits.append(src.charAt(pos++));
                while (pos < src.length() && (asciiDigit(src.charAt(pos), 10) >= 0 || src.charAt(pos) == '_')) {
                    char d = src.charAt(pos++);
                    if (d != '_') digits.append(d);
                }
            }
        }
        int suffixStart = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        String suffix = pos > suffixStart ? src.substring(suffixStart, pos) : null;
        String text = digits.toString();
        Span span = new Span(file, start, pos);
        if (suffix != null && FLOAT_SUFFIXES.contains(suffix) && radix == 10) isFloat = true;
        if (suffix != null && !(isFloat ? FLOAT_SUFFIXES.contains(suffix) : INT_SUFFIXES.contains(suffix) || radix == 10 && FLOAT_SUFFIXES.contains(suffix))) {
            diags.error(ErrorCode.E1003, new Span(file, suffixStart, pos), "invalid suffix `" + suffix + "` for " + (isFloat ? "float" : "number") + " literal",
                    "help: the suffix must be one of the numeric types (`u32`, `isize`, `f32`, etc.)");
            suffix = null;
        }
        if (text.isEmpty()) {
            diags.error(ErrorCode.E1003, span, "no valid digits found for " + radixName(radix) + " number");
            text = "0";
        }
        if (isFloat) {
            tokens.add(new Token(TokenKind.FLOAT, text, span, 10, suffix));
        } else {
            for (int i = 0; i < text.length(); i++) {
                if (asciiDigit(text.charAt(i), radix) < 0) {
                    diags.error(ErrorCode.E1003, span, "invalid digit `" + text.charAt(i) + "` in " + radixName(radix) + " literal");
                    text = "0";
                    break;
                }
            }
            tokens.add(new Token(TokenKind.INT, text, span, radix, suffix));
        }
    }

    /**
     * The value of an ASCII digit in {@code radix}, or -1. (Java's Character.digit also
     * accepts other scripts' digits, which are not digits in T source.)
     */
    static int asciiDigit(char c, int radix) {
        int v;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
        else return -1;
        return v < radix ? v : -1;
    }

    private boolean peekIs(char c) { return pos < src.length() && src.charAt(pos) == c; }
    private boolean peekAt(int ahead, char c) { return pos + ahead < src.length() && src.charAt(pos + ahead) == c; }

    /** After `e`: an exponent needs digits, optionally after a sign (else `e` starts a suffix). */
    private boolean exponentFollows() {
        int i = pos + 1;
        if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) i++;
        return i < src.length() && asciiDigit(src.charAt(i), 10) >= 0;
    }

    /** A character literal (`'a'`, or an escape as in strings): exactly one Unicode scalar value. */
    private void character(int start) {
        // `'name` not closed right after its first character is a loop label, not a char.
        if (pos + 1 < src.length() && (Character.isLetter(src.charAt(pos + 1)) || src.charAt(pos + 1) == '_')
                && !(pos + 2 < src.length() && src.charAt(pos + 2) == '\'')) {
            int nameEnd = pos + 1;
            while (nameEnd < src.length() && (Character.isLetterOrDigit(src.charAt(nameEnd)) || src.charAt(nameEnd) == '_')) nameEnd++;
            // `'ab'` is a char literal with too many characters, not the label `'ab`.
            if (nameEnd >= src.length() || src.charAt(nameEnd) != '\'') {
                tokens.add(new Token(TokenKind.LABEL, src.substring(pos + 1, nameEnd), new Span(file, start, nameEnd)));
                pos = nameEnd;
                return;
            }
        }
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        int errorsBefore = diags.errorCount();
        if (pos < src.length() && src.charAt(pos) == '\\') {
            escape(value);
        } else if (pos < src.length() && src.charAt(pos) != '\'' && src.charAt(pos) != '\n') {
            int cp = src.codePointAt(pos);
            value.appendCodePoint(cp);
            pos += Character.charCount(cp);
        }
        if (pos < src.length() && src.charAt(pos) == '\'' && value.codePointCount(0, value.length()) == 1) {
            pos++;
            add(TokenKind.CHAR, value.toString(), start);
            return;
        }
        if (value.isEmpty() && diags.errorCount() > errorsBefore && pos < src.length() && src.charAt(pos) == '\'') {
            // A bad escape (already reported) inside otherwise well-formed quotes.
            pos++;
            add(TokenKind.CHAR, "\0", start);
            return;
        }
        // Not a well-formed char literal: find where it plausibly ends for the message.
        int close = src.indexOf('\'', pos);
        int eol = src.indexOf('\n', start);
        if (close >= 0 && (eol < 0 || close < eol)) {
            pos = close + 1;
            diags.error(ErrorCode.E1003, new Span(file, start, pos), value.length() == 0 ? "empty character literal" : "character literal may only contain one codepoint",
                    "help: if you meant to write a string literal, use double quotes");
        } else {
            diags.error(ErrorCode.E1002, new Span(file, start, start + 1), "unterminated character literal");
        }
        add(TokenKind.CHAR, value.isEmpty() ? "\0" : value.substring(0, Character.charCount(value.codePointAt(0))), start);
    }

    /** `b'A'`: an ASCII character as a `u8` integer literal. */
    private void byteLiteral(int start) {
        pos++; // the `b`
        int before = tokens.size();
        character(pos);
        Token ch = tokens.remove(tokens.size() - 1);
        int cp = ch.text().isEmpty() ? 0 : ch.text().codePointAt(0);
        if (tokens.size() != before || cp > 0x7F) {
            if (cp > 0x7F) diags.error(ErrorCode.E1003, ch.span(), "non-ASCII character in byte literal", "help: use a `u8` number instead, or a `char`");
        }
        tokens.add(new Token(TokenKind.INT, Integer.toString(Math.min(cp, 0x7F)), new Span(file, start, pos), 10, "u8"));
    }

    private static String radixName(int radix) {
        return switch (radix) { case 16 -> "hexadecimal"; case 8 -> "octal"; case 2 -> "binary"; default -> "decimal"; };
    }

    private void string(int start) {
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                diags.error(ErrorCode.E1002, new Span(file, start, start + 1), "unterminated string literal");
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
            default -> diags.error(ErrorCode.E1003, new Span(file, start, pos), "unknown character escape `\\" + e + "`");
        }
    }

    /** `\x41`: exactly two hex digits, at most 7F, so that the result is one ASCII byte. */
    private void asciiEscape(int start, StringBuilder value) {
        int end = Math.min(pos + 2, src.length());
        String hex = src.substring(pos, end);
        if (hex.length() == 2 && asciiDigit(hex.charAt(0), 16) >= 0 && asciiDigit(hex.charAt(1), 16) >= 0) {
            pos = end;
            int v = Integer.parseInt(hex, 16);
            if (v <= 0x7F) { value.append((char) v); return; }
            diags.error(ErrorCode.E1003, new Span(file, start, pos), "out of range hex escape `" + src.substring(start, pos) + "`", "note: `\\x` takes values up to `\\x7F`; use `\\u{...}` for other characters");
            return;
        }
        diags.error(ErrorCode.E1003, new Span(file, start, pos), "invalid hex escape: expected two hex digits after `\\x`");
    }

    private void unicodeEscape(int start, StringBuilder value) {
        int close = src.indexOf('}', pos);
        int quote = src.indexOf('"', pos);
        if (pos >= src.length() || src.charAt(pos) != '{' || close < 0 || (quote >= 0 && quote < close)) {
            diags.error(ErrorCode.E1003, new Span(file, start, pos), "invalid unicode escape: expected `\\u{XXXX}`");
            return;
        }
        String hex = src.substring(pos + 1, close).replace("_", "");
        pos = close + 1;
        try {
            if (hex.isEmpty() || !hex.chars().allMatch(ch -> asciiDigit((char) ch, 16) >= 0)) throw new NumberFormatException();
            int cp = Integer.parseInt(hex, 16);
            if (hex.isEmpty() || hex.length() > 6 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) throw new NumberFormatException();
            value.appendCodePoint(cp);
        } catch (NumberFormatException ex) {
            diags.error(ErrorCode.E1003, new Span(file, start, pos), "invalid unicode character escape `" + src.substring(start, pos) + "`");
        }
    }

    private void punctuation(int start, char c) {
        TokenKind kind = switch (c) {
            case '(' -> TokenKind.LPAREN; case ')' -> TokenKind.RPAREN;
            case '{' -> TokenKind.LBRACE; case '}' -> TokenKind.RBRACE;
            case '[' -> TokenKind.LBRACKET; case ']' -> TokenKind.RBRACKET;
            case ',' -> TokenKind.COMMA; case ';' -> TokenKind.SEMI; case '@' -> TokenKind.AT; case '?' -> TokenKind.QUESTION; case '#' -> TokenKind.HASH;
            case '.' -> peek(1) == '.' ? adv(peek(2) == '=' ? adv(TokenKind.DOT_DOT_EQ) : TokenKind.DOT_DOT) : TokenKind.DOT;
            case ':' -> two(':', TokenKind.PATH_SEP, TokenKind.COLON);
            case '+' -> two('=', TokenKind.PLUS_EQ, TokenKind.PLUS);
            case '*' -> two('=', TokenKind.STAR_EQ, TokenKind.STAR);
            case '/' -> two('=', TokenKind.SLASH_EQ, TokenKind.SLASH);
            case '%' -> two('=', TokenKind.PERCENT_EQ, TokenKind.PERCENT);
            case '^' -> two('=', TokenKind.CARET_EQ, TokenKind.CARET);
            case '!' -> two('=', TokenKind.NOT_EQ, TokenKind.BANG);
            case '<' -> peek(1) == '<' ? adv(peek(2) == '=' ? adv(TokenKind.SHL_EQ) : TokenKind.SHL) : two('=', TokenKind.LE, TokenKind.LT);
            case '>' -> peek(1) == '>' ? adv(peek(2) == '=' ? adv(TokenKind.SHR_EQ) : TokenKind.SHR) : two('=', TokenKind.GE, TokenKind.GT);
            case '-' -> peek(1) == '>' ? adv(TokenKind.ARROW) : two('=', TokenKind.MINUS_EQ, TokenKind.MINUS);
            case '=' -> peek(1) == '>' ? adv(TokenKind.FAT_ARROW) : two('=', TokenKind.EQ_EQ, TokenKind.EQ);
            case '&' -> peek(1) == '&' ? adv(TokenKind.AND_AND) : two('=', TokenKind.AMP_EQ, TokenKind.AMP);
            case '|' -> peek(1) == '|' ? adv(TokenKind.OR_OR) : two('=', TokenKind.PIPE_EQ, TokenKind.PIPE);
            default -> null;
        };
        if (kind == null) {
            int cp = src.codePointAt(pos);
            pos += Character.charCount(cp);
            diags.error(ErrorCode.E1001, new Span(file, start, pos), "unexpected character `" + new String(Character.toChars(cp)) + "`");
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
