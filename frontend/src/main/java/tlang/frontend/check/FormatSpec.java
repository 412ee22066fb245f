package tlang.frontend.check;

/**
 * A parsed `{:...}` spec: `[[fill]align][+][#][0][width][.precision][kind]`, as in Rust.
 * {@code width} and {@code precision} are -1 when absent. The runtime receives it as a
 * constant `trt_fmt_spec` (native-runtime/include/trt_fmt.h).
 */
public record FormatSpec(int fill, Align align, boolean plus, boolean alternate, boolean zero, int width, int precision, Kind kind) {
    public enum Align { DEFAULT, LEFT, CENTER, RIGHT }

    /** The formatting traits: `{}` Display, `{:?}` Debug, and the numeric ones. */
    public enum Kind {
        DISPLAY(""), DEBUG("?"), DEBUG_LOWER_HEX("x?"), DEBUG_UPPER_HEX("X?"),
        LOWER_HEX("x"), UPPER_HEX("X"), OCTAL("o"), BINARY("b"), LOWER_EXP("e"), UPPER_EXP("E");

        public final String spelling;
        Kind(String spelling) { this.spelling = spelling; }

        public boolean isDebug() { return this == DEBUG || this == DEBUG_LOWER_HEX || this == DEBUG_UPPER_HEX; }
        public boolean integersOnly() { return this == LOWER_HEX || this == UPPER_HEX || this == OCTAL || this == BINARY; }
        public boolean numbersOnly() { return this == LOWER_EXP || this == UPPER_EXP; }
    }

    public static final FormatSpec PLAIN = new FormatSpec(' ', Align.DEFAULT, false, false, false, -1, -1, Kind.DISPLAY);

    public boolean isPlain() { return equals(PLAIN); }

    /**
     * Parses the text after the `:`; returns null and sets {@code error[0]} on a malformed
     * spec.
     */
    static FormatSpec parse(String s, String[] error) {
        int i = 0;
        int fill = ' ';
        Align align = Align.DEFAULT;
        // A fill character is recognised only before an alignment character.
        if (s.length() >= 2 && alignOf(s.charAt(Character.charCount(s.codePointAt(0)) < s.length() ? Character.charCount(s.codePointAt(0)) : 0)) != null
                && Character.charCount(s.codePointAt(0)) < s.length()) {
            int cp = s.codePointAt(0);
            int n = Character.charCount(cp);
            fill = cp;
            align = alignOf(s.charAt(n));
            i = n + 1;
        } else if (!s.isEmpty() && alignOf(s.charAt(0)) != null) {
            align = alignOf(s.charAt(0));
            i = 1;
        }
        boolean plus = false, alternate = false, zero = false;
        if (i < s.length() && s.charAt(i) == '+') { plus = true; i++; }
        if (i < s.length() && s.charAt(i) == '-') { error[0] = "the `-` flag is not supported"; return null; }
        if (i < s.length() && s.charAt(i) == '#') { alternate = true; i++; }
        if (i < s.length() && s.charAt(i) == '0' && !(i + 1 < s.length() && s.charAt(i + 1) == '$')) { zero = true; i++; }
        int width = -1;
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        if (i > start) width = parseCount(s.substring(start, i), error);
        if (i < s.length() && s.charAt(i) == '$') { error[0] = "width and precision from arguments (`$`) are not supported yet"; return null; }
        int precision = -1;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            if (i == start) {
                error[0] = i < s.length() && s.charAt(i) == '*' ? "precision from an argument (`.*`) is not supported yet" : "expected digits after `.` in the format spec";
                return null;
            }
            precision = parseCount(s.substring(start, i), error);
        }
        if (error[0] != null) return null;
        String rest = s.substring(i);
        Kind kind = null;
        for (Kind k : Kind.values()) if (k.spelling.equals(rest)) kind = k;
        if (kind == null) {
            error[0] = "unknown format trait `" + rest + "`";
            return null;
        }
        return new FormatSpec(fill, align, plus, alternate, zero, width, precision, kind);
    }

    private static int parseCount(String digits, String[] error) {
        try {
            int v = Integer.parseInt(digits);
            if (v > 65535) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            error[0] = "width or precision `" + digits + "` is too large";
            return -1;
        }
    }

    private static Align alignOf(char c) {
        return switch (c) {
            case '<' -> Align.LEFT;
            case '^' -> Align.CENTER;
            case '>' -> Align.RIGHT;
            default -> null;
        };
    }
}
