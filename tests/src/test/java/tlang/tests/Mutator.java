package tlang.tests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes broken T programs out of good ones for {@link RobustnessTest}: truncation, line and
 * token shuffles, punctuation noise, keywords in place of names, odd Unicode and invalid
 * UTF-8, very long lines, deep nesting and huge numbers. Everything is driven by the
 * {@link Random} passed in, so a seed reproduces a mutant exactly.
 */
final class Mutator {
    private Mutator() {}

    /** A mutated source file: its bytes (not necessarily UTF-8) and the operations that made it. */
    record Mutant(byte[] bytes, List<String> ops) {
        String describe() { return String.join(", ", ops); }
    }

    static final String[] PUNCTUATION = {"{", "}", "(", ")", "[", "]", ";", ",", ":", "::", "->", "=>", ".", "..", "'", "\"",
            "|", "&", "@", "#", "..=", "=", "<", ">", "!", "-", "*", "/*", "*/", "//", "\\"};
    static final String[] KEYWORDS = {"fn", "let", "mut", "if", "else", "while", "loop", "break", "continue", "return",
            "true", "false", "as", "struct", "impl", "self", "Self", "pub", "enum", "match", "for", "in", "const", "static",
            "_", "i32", "u8", "bool", "char", "str", "String", "f64", "usize", "main", "println", "print"};
    /** Characters a lexer tends to get wrong: combining marks, emoji, controls, NUL, look-alike digits and letters. */
    static final String[] UNICODE = {
            "\u0301", "e\u0301", "\u20DD", "\u0000", "\uFEFF", "\u200B", "\u200D", "\u202E", "\u2028", "\u2029",
            "\u00A0", "\u3000", "\u0085", "\u000B", "\u000C", "\u007F", "\u001B", "\r", "\t",
            "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83C\uDDEB\uD83C\uDDF7",
            "\uD835\uDC65", "\uD835\uDFD8", "\u0661\u0662\u0663", "\uFF10\uFF11", "\uFF21\uFF22", "\u07C0", "\u1810",
            "\u00B2", "\u216B", "\u03BB", "\u00DF", "\u0130", "\u01C5", "\u0378", "\uE000", "\uFFFF", "\uFFFD",
            "\uFB01", "\u0345", "\u1F88", "\u4E2D\u6587", "\u0627\u0644", "\uD800\uDC00", "\uDBFF\uDFFF"};
    /** Byte sequences that are not UTF-8: bad lead bytes, overlong forms, surrogates, past U+10FFFF, cut-off sequences. */
    static final byte[][] INVALID_UTF8 = {
            {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xC3}, {(byte) 0xC3, (byte) 0x28}};

    /** A rough T tokenizer, good enough to find identifiers, literals and operators. */
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}_][\\p{L}\\p{Nd}_]*+|\\d[\\w.]*+|\"[^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+\"?|'(?:\\\\.|[^'\\\\\\n])'?|//[^\\n]*+|::|->|=>|\\.\\.=?|[&|=!<>+\\-*/%^]=?|\\S");
    private static final Pattern IDENT = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");
    private static final Pattern INT = Pattern.compile("(?<![\\w.])\\d[\\d_]*(?:[iu](?:8|16|32|64|size))?(?![\\w.])");

    /** Applies one to three random operations, sometimes finished by a byte-level one. */
    static Mutant mutate(String source, Random r) {
        List<String> ops = new ArrayList<>();
        String s = source;
        int n = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0);
        for (int i = 0; i < n; i++) s = textOp(s, r, ops);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(10) == 0) bytes = byteOp(bytes, r, ops);
        return new Mutant(bytes, List.copyOf(ops));
    }

    private static String textOp(String s, Random r, List<String> ops) {
        int k = r.nextInt(100);
        if (k < 12) return truncate(s, r, ops);
        if (k < 22) return truncateInside(s, r, ops);
        if (k < 32) return lineOp(s, r, ops);
        if (k < 40) return shuffleTokens(s, r, ops);
        if (k < 50) return deletePunctuation(s, r, ops);
        if (k < 58) return insertPunctuation(s, r, ops);
        if (k < 64) return identifierToKeyword(s, r, ops);
        if (k < 70) return swapWords(s, r, ops);
        if (k < 74) return deleteToken(s, r, ops);
        if (k < 82) return insertUnicode(s, r, ops);
        if (k < 89) return hugeNumber(s, r, ops);
        if (k < 94) return longLine(s, r, ops);
        return deepNesting(s, r, ops);
    }

    private static byte[] byteOp(byte[] b, Random r, List<String> ops) {
        if (r.nextBoolean()) {
            // Prefer cutting inside a multi-byte character when there is one.
            List<Integer> inside = new ArrayList<>();
            for (int i = 0; i < b.length; i++) if ((b[i] & 0xC0) == 0x80) inside.add(i);
            int at = !inside.isEmpty() && r.nextBoolean() ? inside.get(r.nextInt(inside.size())) : r.nextInt(b.length + 1);
            ops.add("truncate-bytes@" + at);
            return Arrays.copyOf(b, at);
        }
        byte[] bad = INVALID_UTF8[r.nextInt(INVALID_UTF8.length)];
        int at = r.nextInt(b.length + 1);
        ops.add("insert-invalid-utf8" + hex(bad) + "@" + at);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(bad);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    // ---- truncation -------------------------------------------------------------------

    static String truncate(String s, Random r, List<String> ops) {
        int at = r.nextInt(s.length() + 1);
        ops.add("truncate@" + at);
        return s.substring(0, at);
    }

    /** Cuts just inside something: a string, a comment, a char literal, a word, a number. */
    static String truncateInside(String s, Random r, List<String> ops) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '/' && i + 1 < s.length() && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*')
                    || (Character.isLetterOrDigit(c) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))))) starts.add(i);
        }
        if (starts.isEmpty()) return truncate(s, r, ops);
        int at = Math.min(s.length(), starts.get(r.nextInt(starts.size())) + 1 + r.nextInt(3));
        ops.add("truncate-inside@" + at);
        return s.substring(0, at);
    }

    // ---- lines and tokens -------------------------------------------------------------

    static String lineOp(String s, Random r, List<String> ops) {
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        int a = r.nextInt(lines.size()), b = r.nextInt(lines.size());
        switch (r.nextInt(4)) {
            case 0 -> { lines.remove(a); ops.add("delete-line " + (a + 1)); }
            case 1 -> { lines.add(a, lines.get(a)); ops.add("duplicate-line " + (a + 1)); }
            case 2 -> { Collections.swap(lines, a, b); ops.add("swap-lines " + (a + 1) + "," + (b + 1)); }
            default -> { lines.add(b, lines.remove(a)); ops.add("move-line " + (a + 1) + "->" + (b + 1)); }
        }
        return String.join("\n", lines);
    }

    static String shuffleTokens(String s, Random r, List<String> ops) {
        String[] lines = s.split("\n", -1);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) if (tokens(lines[i]).size() >= 2) candidates.add(i);
        if (candidates.isEmpty()) return lineOp(s, r, ops);
        int line = candidates.get(r.nextInt(candidates.size()));
        List<String> toks = new ArrayList<>(tokens(lines[line]).stream().map(m -> m[2]).toList());
        Collections.shuffle(toks, r);
        String indent = lines[line].substring(0, lines[line].length() - lines[line].stripLeading().length());
        lines[line] = indent + String.join(r.nextBoolean() ? " " : "", toks);
        ops.add("shuffle-tokens line " + (line + 1));
        return String.join("\n", lines);
    }

    /** Tokens of {@code s} as {start, end, text} (start and end as strings to keep one type). */
    private static List<String[]> tokens(String s) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) out.add(new String[]{Integer.toString(m.start()), Integer.toString(m.end()), m.group()});
        return out;
    }

    static String deletePunctuation(String s, Random r, List<String> ops) {
        List<int[]> spots = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if ("{}()[];,:.'\"|&@#-=>".indexOf(s.charAt(i)) < 0) continue;
            boolean two = i + 1 < s.length() && List.of("::", "->", "=>", "..", "&&", "||").contains(s.substring(i, i + 2));
            spots.add(new int[]{i, two ? 2 : 1});
        }
        if (spots.isEmpty()) return insertPunctuation(s, r, ops);
        int[] spot = spots.get(r.nextInt(spots.size()));
        int len = r.nextInt(3) == 0 ? spot[1] : 1;
        ops.add("delete `" + s.substring(spot[0], spot[0] + len) + "`@" + spot[0]);
        return s.substring(0, spot[0]) + s.substring(spot[0] + len);
    }

    static String insertPunctuation(String s, Random r, List<String> ops) {
        String p = PUNCTUATION[r.nextInt(PUNCTUATION.length)];
        int at;
        List<String[]> toks = tokens(s);
        if (!toks.isEmpty() && r.nextBoolean()) {
            String[] t = toks.get(r.nextInt(toks.size()));
            at = Integer.parseInt(r.nextBoolean() ? t[0] : t[1]);
        } else {
            at = r.nextInt(s.length() + 1);
        }
        ops.add("insert `" + p + "`@" + at);
        return s.substring(0, at) + p + s.substring(at);
    }

    static String identifierToKeyword(String s, Random r, List<String> ops) {
        List<int[]> idents = new ArrayList<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            if (m.start() > 0 && (Character.isDigit(s.charAt(m.start() - 1)) || s.charAt(m.start() - 1) == '\'')) continue;
            idents.add(new int[]{m.start(), m.end()});
        }
        if (idents.isEmpty()) return insertPunctuation(s, r, ops);
        int[] id = idents.get(r.nextInt(idents.size()));
        String kw = KEYWORDS[r.nextInt(KEYWORDS.length)];
        ops.add("replace `" + s.substring(id[0], id[1]) + "`@" + id[0] + " with `" + kw + "`");
        return s.substring(0, id[0]) + kw + s.substring(id[1]);
    }

    /** Literals of every kind (and some bad ones), to put where another literal or a name was. */
    static final String[] LITERALS = {"0", "-1", "1.5", "1e308", "true", "()", "\"\"", "\"{}\"", "\"{0} {x}\"", "'c'", "'\\u{10FFFF}'",
            "'\\0'", "b'a'", "b'\\xFF'", "b'\u00E9'", "b''", "255u8", "-128i8", "i64::MIN", "u8::MAX", "i32::BITS", "(1, 2)", "'x"};

    /**
     * Puts one word or literal where another was: a name from elsewhere in the file, a
     * literal of another type. Unlike most mutations this tends to keep the program
     * parseable, so that it reaches the type checker.
     */
    static String swapWords(String s, Random r, List<String> ops) {
        List<String[]> toks = tokens(s).stream().filter(t -> Character.isLetterOrDigit(t[2].codePointAt(0)) || t[2].charAt(0) == '_'
                || t[2].charAt(0) == '"' || t[2].charAt(0) == '\'').toList();
        if (toks.size() < 2) return insertPunctuation(s, r, ops);
        String[] target = toks.get(r.nextInt(toks.size()));
        String with = r.nextBoolean() ? toks.get(r.nextInt(toks.size()))[2] : LITERALS[r.nextInt(LITERALS.length)];
        int a = Integer.parseInt(target[0]), b = Integer.parseInt(target[1]);
        ops.add("replace `" + abbreviate(target[2]) + "`@" + a + " with `" + abbreviate(with) + "`");
        return s.substring(0, a) + with + s.substring(b);
    }

    static String deleteToken(String s, Random r, List<String> ops) {
        List<String[]> toks = tokens(s);
        if (toks.isEmpty()) return insertPunctuation(s, r, ops);
        String[] t = toks.get(r.nextInt(toks.size()));
        int a = Integer.parseInt(t[0]), b = Integer.parseInt(t[1]);
        ops.add("delete `" + abbreviate(t[2]) + "`@" + a);
        return s.substring(0, a) + s.substring(b);
    }

    // ---- Unicode, long lines, nesting, numbers ---------------------------------------

    static String insertUnicode(String s, Random r, List<String> ops) {
        String u = UNICODE[r.nextInt(UNICODE.length)];
        int at;
        int mode = r.nextInt(4);
        if (mode > 0 && !s.isEmpty()) {
            // Next to something the lexer cares about: a quote, a letter, a digit.
            List<Integer> spots = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (mode == 1 ? c == '"' || c == '\'' : mode == 2 ? Character.isLetter(c) : Character.isDigit(c)) spots.add(i + 1);
            }
            at = spots.isEmpty() ? r.nextInt(s.length() + 1) : spots.get(r.nextInt(spots.size()));
        } else {
            at = r.nextInt(s.length() + 1);
        }
        // Never split a surrogate pair that is already there.
        if (at > 0 && at < s.length() && Character.isHighSurrogate(s.charAt(at - 1))) at++;
        ops.add("insert-unicode" + codePoints(u) + "@" + at);
        return s.substring(0, at) + u + s.substring(at);
    }

    static String longLine(String s, Random r, List<String> ops) {
        int n = 50_000 + r.nextInt(150_000);
        String line = switch (r.nextInt(8)) {
            case 0 -> "fn " + "a".repeat(n) + "() {}";
            case 1 -> "fn long_string() { let s = \"" + "x".repeat(n) + "\"; }";
            case 2 -> "// " + "c".repeat(n);
            case 3 -> " ".repeat(n) + "fn";
            case 4 -> ";".repeat(n);
            case 5 -> "fn long_args() { let t = (" + "1, ".repeat(n / 3) + "); }";
            case 6 -> "fn long_stmts() { " + "let x = 1; ".repeat(n / 11) + "}";
            default -> "/* " + "*".repeat(n);
        };
        int at = lineStart(s, r);
        ops.add("long-line#" + line.substring(0, Math.min(12, line.length())).strip() + "...(" + line.length() + ")@" + at);
        return s.substring(0, at) + line + "\n" + s.substring(at);
    }

    /** Nested constructs that recursive-descent parsers and checkers recurse on. */
    static String deepShape(int shape, int d) {
        return switch (shape) {
            case 0 -> "(".repeat(d) + "1" + ")".repeat(d);
            case 1 -> "{ ".repeat(d) + "1" + " }".repeat(d);
            case 2 -> "1 + ".repeat(d) + "1";
            case 3 -> "-".repeat(d) + "1";
            case 4 -> "!".repeat(d) + "true";
            case 5 -> "if true { ".repeat(d) + "1" + " } else { 2 }".repeat(d);
            case 6 -> "[".repeat(d) + "1" + "]".repeat(d);
            case 7 -> "(".repeat(d);
            case 8 -> "{".repeat(d);
            case 9 -> "((".repeat(d) + "1,)" + ",)".repeat(d);
            case 10 -> "1" + " as i64".repeat(d);
            case 11 -> "(1, 2)" + ".0".repeat(d);
            case 12 -> "loop { ".repeat(d) + "break" + " }".repeat(d);
            case 13 -> "if false { 0 } ".repeat(1) + "else if false { 0 } ".repeat(d) + "else { 1 }";
            case 14 -> "&".repeat(d) + "1";
            case 15 -> "match 1 { _ => ".repeat(d) + "1" + " }".repeat(d);
            default -> "f(".repeat(d) + ")".repeat(d);
        };
    }

    static final int DEEP_SHAPES = 17;

    static String deepNesting(String s, Random r, List<String> ops) {
        int[] depths = {100, 1_000, 10_000, 50_000};
        int d = depths[r.nextInt(depths.length)];
        int shape = r.nextInt(DEEP_SHAPES);
        String deep = deepShape(shape, d);
        if (r.nextBoolean()) {
            ops.add("deep#" + shape + "x" + d + " in a new fn");
            return s + "\nfn fuzz_deep() {\n    let _d = " + deep + ";\n}\n";
        }
        int at = r.nextInt(s.length() + 1);
        ops.add("deep#" + shape + "x" + d + "@" + at);
        return s.substring(0, at) + deep + s.substring(at);
    }

    static String hugeNumber(String s, Random r, List<String> ops) {
        int k = 20 + r.nextInt(r.nextBoolean() ? 40 : 4000);
        String[] forms = {
                "9".repeat(k), "1" + "0".repeat(k), "0x" + "F".repeat(k), "0b" + "1".repeat(k), "0o" + "7".repeat(k),
                "340282366920938463463374607431768211456", "18446744073709551616u64", "9223372036854775808i64",
                "99999999999999999999i8", "-9223372036854775809", "1e99999", "1.0e-99999", "1" + "_".repeat(k),
                "0x", "0b", "0b102", "0o9", "1." + "5".repeat(k), "4294967296usize", "2147483648", "-2147483649i32",
                "255u8", "256u8", "-1u32", "0xFFFFFFFFFFFFFFFFFFFFi128", "1e", "1e+", "1.e5", "1f32", "1u", "1i",
                // Digits that are digits to Character.isDigit but not to Double.parseDouble.
                "1\u0663", "1.\u0663", "1e\u0663", "1.5e-\uFF13", "0x\uFF21", "\u0661", "1.0\uD835\uDFD8"};
        String num = forms[r.nextInt(forms.length)];
        List<int[]> ints = new ArrayList<>();
        Matcher m = INT.matcher(s);
        while (m.find()) ints.add(new int[]{m.start(), m.end()});
        if (!ints.isEmpty() && r.nextInt(4) != 0) {
            int[] i = ints.get(r.nextInt(ints.size()));
            ops.add("replace number@" + i[0] + " with " + abbreviate(num));
            return s.substring(0, i[0]) + num + s.substring(i[1]);
        }
        String digits = "9".repeat(k);
        String snippet = switch (r.nextInt(6)) {
            case 0 -> "fn huge_a() { let t = (1, 2); let x = t." + digits + "; }";
            case 1 -> "fn huge_b() { println(\"{" + digits + "}\", 1); }";
            case 2 -> "fn huge_c() { let x: u64 = " + num + "; }";
            case 3 -> "const HUGE_E: f64 = " + num + ";"; // evaluated at compile time
            case 4 -> "const HUGE_F: i64 = " + num + " * " + num + " << " + num + ";";
            default -> "fn huge_d() { let x = 1 << " + num + "; }";
        };
        int at = lineStart(s, r);
        ops.add("insert " + abbreviate(snippet) + "@" + at);
        return s.substring(0, at) + snippet + "\n" + s.substring(at);
    }

    private static int lineStart(String s, Random r) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') starts.add(i + 1);
        return starts.get(r.nextInt(starts.size()));
    }

    static String abbreviate200(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...(" + s.length() + " chars)";
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 30) + "...(" + s.length() + " chars)";
    }

    private static String codePoints(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(String.format("[U+%04X]", cp)));
        return b.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder("[");
        for (byte x : bytes) b.append(String.format(b.length() > 1 ? " %02X" : "%02X", x & 0xFF));
        return b.append(']').toString();
    }
}
