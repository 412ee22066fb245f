package tlang.frontend;

import org.junit.jupiter.api.Test;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.lex.Lexer;
import tlang.frontend.lex.Token;
import tlang.frontend.lex.TokenKind;
import tlang.frontend.source.SourceFile;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexerTest {
    private static List<Token> lex(String text, Diagnostics d) {
        return Lexer.lex(new SourceFile("t.t", text), d);
    }

    @Test
    void keywordsPunctuationAndLiterals() {
        Diagnostics d = new Diagnostics();
        List<TokenKind> kinds = lex("fn f(x: i64) -> bool { x <= 0x1F && !y :: += == => }", d).stream().map(Token::kind).toList();
        assertEquals(List.of(TokenKind.FN, TokenKind.IDENT, TokenKind.LPAREN, TokenKind.IDENT, TokenKind.COLON, TokenKind.IDENT,
                TokenKind.RPAREN, TokenKind.ARROW, TokenKind.IDENT, TokenKind.LBRACE, TokenKind.IDENT, TokenKind.LE, TokenKind.INT,
                TokenKind.AND_AND, TokenKind.BANG, TokenKind.IDENT, TokenKind.PATH_SEP, TokenKind.PLUS_EQ, TokenKind.EQ_EQ,
                TokenKind.FAT_ARROW, TokenKind.RBRACE, TokenKind.EOF), kinds);
        assertFalse(d.hasErrors());
    }

    @Test
    void integerLiteralsInEveryRadixWithSeparators() {
        Diagnostics d = new Diagnostics();
        List<Token> t = lex("1_000 0xff 0o17 0b1010", d);
        assertEquals("1000", t.get(0).text());
        assertEquals(16, t.get(1).radix());
        assertEquals("ff", t.get(1).text());
        assertEquals(8, t.get(2).radix());
        assertEquals(2, t.get(3).radix());
        assertFalse(d.hasErrors());
        lex("0b102", d);
        assertTrue(d.hasErrors());
    }

    @Test
    void stringEscapesDecode() {
        Diagnostics d = new Diagnostics();
        Token s = lex("\"a\\n\\t\\\"\\\\\\u{1F600}\\0\"", d).get(0);
        assertEquals("a\n\t\"\\\uD83D\uDE00\0", s.text());
        assertFalse(d.hasErrors());
    }

    @Test
    void commentsNestAndAreSkipped() {
        Diagnostics d = new Diagnostics();
        List<Token> t = lex("// line\n/* a /* nested */ still comment */ x", d);
        assertEquals(2, t.size());
        assertEquals("x", t.get(0).text());
    }

    @Test
    void badInputIsReportedAndSkipped() {
        Diagnostics d = new Diagnostics();
        List<Token> t = lex("let $ x = \"open", d);
        assertEquals(2, d.errorCount());
        assertEquals("unexpected character `$`", d.all().get(0).message());
        assertEquals("unterminated string literal", d.all().get(1).message());
        assertEquals(TokenKind.EOF, t.get(t.size() - 1).kind());
    }
}
