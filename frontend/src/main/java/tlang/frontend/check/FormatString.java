package tlang.frontend.check;

import tlang.frontend.diag.ErrorCode;
import tlang.frontend.ast.Expr;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses `println`-style format strings at compile time: `{}` takes the next argument,
 * `{name}` a variable in scope, `{{` and `}}` are literal braces, and a spec after `:`
 * (see {@link FormatSpec}) says how to format the value.
 */
public final class FormatString {
    private FormatString() {}

    /** A literal run of text, or a placeholder: positional (index) or named. */
    public sealed interface Piece {
        record Text(String text) implements Piece {}
        /** {@code implicit}: written `{}` rather than `{0}`. */
        record Positional(int index, boolean implicit, FormatSpec spec, Span span) implements Piece {}
        record Named(String name, FormatSpec spec, Span span) implements Piece {}
    }

    public static List<Piece> parse(Expr.StrLit literal, Diagnostics diags) {
        String s = literal.value();
        List<Piece> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '}') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '}') { text.append('}'); i += 2; continue; }
                diags.error(ErrorCode.E1202, at(literal, i, i + 1), "invalid format string: unmatched `}` found",
                        "note: if you intended to print `}`, you can escape it using `}}`");
                return null;
            }
            if (c != '{') { text.append(c); i++; continue; }
            if (i + 1 < s.length() && s.charAt(i + 1) == '{') { text.append('{'); i += 2; continue; }
            int close = s.indexOf('}', i);
            if (close < 0) {
                diags.error(ErrorCode.E1202, at(literal, i, i + 1), "invalid format string: expected `}` but string was terminated",
                        "note: if you intended to print `{`, you can escape it using `{{`");
                return null;
            }
            if (!text.isEmpty()) { pieces.add(new Piece.Text(text.toString())); text.setLength(0); }
            String inside = s.substring(i + 1, close);
            Span span = at(literal, i, close + 1);
            FormatSpec spec = FormatSpec.PLAIN;
            int colon = inside.indexOf(':');
            if (colon >= 0) {
                String[] error = new String[1];
                spec = FormatSpec.parse(inside.substring(colon + 1), error);
                if (spec == null) {
                    diags.error(ErrorCode.E1202, span, "invalid format string: " + error[0],
                            "note: a spec is `{:[[fill]align][+][#][0][width][.precision][?|x|X|o|b|e|E]}`");
                    return null;
                }
                inside = inside.substring(0, colon);
            }
            if (inside.isEmpty()) {
                pieces.add(new Piece.Positional(next++, true, spec, span));
            } else if (inside.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                if (inside.length() > 5) {
                    diags.error(ErrorCode.E1203, span, "invalid reference to positional argument " + inside + " (too large)");
                    return null;
                }
                pieces.add(new Piece.Positional(Integer.parseInt(inside), false, spec, span));
            } else if (isIdentifier(inside)) {
                pieces.add(new Piece.Named(inside, spec, at(literal, i + 1, i + 1 + inside.length())));
            } else {
                diags.error(ErrorCode.E1202, span, "invalid format string: `" + inside + "` is not an argument index or a variable name");
                return null;
            }
            i = close + 1;
        }
        if (!text.isEmpty()) pieces.add(new Piece.Text(text.toString()));
        return pieces;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) return false;
        return s.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_');
    }

    /**
     * A span inside the literal. Exact when no escape sequence precedes the position; an
     * escape shifts it by a little, which still points at the right literal.
     */
    private static Span at(Expr.StrLit lit, int from, int to) {
        Span s = lit.span();
        int start = Math.min(s.start() + 1 + from, s.end());
        int end = Math.min(s.start() + 1 + to, s.end());
        return new Span(s.file(), start, end);
    }
}
