package tlang.frontend.modules;

import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.source.SourceFile;
import tlang.frontend.source.Span;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A package's `t.toml`:
 * <pre>
 * [package]
 * name = "geometry"          # required: letters, digits, `_` and `-`
 * version = "0.1.0"          # required: MAJOR.MINOR.PATCH
 * entry = "src/main.t"       # optional; this is the default
 * description = "..."        # optional
 * </pre>
 * The parser reads the part of TOML a manifest needs — tables, `key = value` lines,
 * comments, strings (basic and literal), and enough of numbers, booleans and arrays to say
 * that a value has the wrong type — and rejects everything else with the line and column,
 * rather than skipping what it does not understand.
 */
public record Manifest(String name, String version, String entry, String description, SourceFile file, Span entrySpan) {
    public static final String FILE_NAME = "t.toml";
    public static final String DEFAULT_ENTRY = "src/main.t";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    private static final List<String> PACKAGE_KEYS = List.of("name", "version", "entry", "description");

    /** The name as a path segment and symbol prefix: `-` becomes `_` (as Cargo does). */
    public String crateName() { return name.replace('-', '_'); }

    /** A value and where it was written; {@code text} is set for strings only. */
    private record Value(String kind, String text, Span span) {}

    /** Parses a manifest; returns null after reporting when it is not a valid one. */
    public static Manifest parse(SourceFile file, Diagnostics diags) {
        return new Reader(file, diags).read();
    }

    private static final class Reader {
        /** The table of the lines after an unknown table's header (no real table is named ""): reported once, its keys not at all. */
        private static final String UNKNOWN_TABLE = "";

        private final SourceFile file;
        private final Diagnostics diags;
        private final String text;
        private int pos;
        private final int errorsBefore;

        Reader(SourceFile file, Diagnostics diags) {
            this.file = file;
            this.diags = diags;
            this.text = file.text();
            this.errorsBefore = diags.errorCount();
        }

        private Span here(int start, int end) { return new Span(file, start, end); }

        private boolean failed() { return diags.errorCount() > errorsBefore; }

        Manifest read() {
            Map<String, Map<String, Value>> tables = new LinkedHashMap<>();
            Map<String, Span> tableSpans = new LinkedHashMap<>();
            String table = null;
            while (pos < text.length()) {
                int lineEnd = text.indexOf('\n', pos);
                if (lineEnd < 0) lineEnd = text.length();
                try {
                    table = line(lineEnd, table, tables, tableSpans);
                } catch (Stop s) {
                    // Reported; go on with the next line so that several mistakes show at once.
                }
                pos = lineEnd + 1;
            }
            if (failed()) return null;
            Map<String, Value> pkg = tables.get("package");
            if (pkg == null) {
                diags.error(ErrorCode.E1603, here(0, 0), "this manifest has no [package] table",
                        "help: start it with a `[package]` line, followed by `name = \"...\"` and `version = \"0.1.0\"`");
                return null;
            }
            Span at = tableSpans.get("package");
            String name = required(pkg, "name", at);
            String version = required(pkg, "version", at);
            String entry = optional(pkg, "entry");
            String description = optional(pkg, "description");
            if (name != null && !NAME.matcher(name).matches()) {
                diags.error(ErrorCode.E1603, pkg.get("name").span(), "invalid package name `" + name + "`",
                        "note: a package name has letters, digits, `_` and `-`, and starts with a letter or `_`");
            }
            if (version != null && !VERSION.matcher(version).matches()) {
                diags.error(ErrorCode.E1603, pkg.get("version").span(), "invalid version `" + version + "`",
                        "note: a version is MAJOR.MINOR.PATCH, such as `0.1.0` (semantic versioning)");
            }
            if (entry != null && (!entry.endsWith(".t") || entry.startsWith("/") || entry.contains("\\"))) {
                diags.error(ErrorCode.E1603, pkg.get("entry").span(), "invalid entry `" + entry + "`",
                        "note: the entry is the path of a `.t` file relative to the package directory, such as `src/main.t`");
            }
            if (failed()) return null;
            Span entrySpan = entry == null ? at : pkg.get("entry").span();
            return new Manifest(name, version, entry == null ? DEFAULT_ENTRY : entry, description, file, entrySpan);
        }

        private String required(Map<String, Value> pkg, String key, Span table) {
            Value v = pkg.get(key);
            if (v == null) {
                diags.error(ErrorCode.E1603, table, "missing `" + key + "` in [package]",
                        "help: add a line such as `" + key + " = \"" + (key.equals("name") ? "my_program" : "0.1.0") + "\"`");
                return null;
            }
            return string(v, key);
        }

        private String optional(Map<String, Value> pkg, String key) {
            Value v = pkg.get(key);
            return v == null ? null : string(v, key);
        }

        private String string(Value v, String key) {
            if (v.text() != null) return v.text();
            diags.error(ErrorCode.E1603, v.span(), "`" + key + "` must be a string, not " + v.kind(), "help: quote it: `" + key + " = \"...\"`");
            return null;
        }

        /** One line; returns the table that the following lines belong to. */
        private String line(int end, String table, Map<String, Map<String, Value>> tables, Map<String, Span> tableSpans) {
            skipSpaces(end);
            if (pos >= end || text.charAt(pos) == '#' || text.charAt(pos) == '\r') {
                endOfLine(end);
                return table;
            }
            if (text.charAt(pos) == '[') {
                int start = pos++;
                if (pos < end && text.charAt(pos) == '[') throw stop(ErrorCode.E1602, here(start, pos + 1), "arrays of tables (`[[...]]`) are not supported in t.toml");
                skipSpaces(end);
                int nameStart = pos;
                String name = bareKey(end, "a table name");
                skipSpaces(end);
                if (pos >= end || text.charAt(pos) != ']') {
                    // Reported, but the lines below still belong to the table it names.
                    stop(ErrorCode.E1601, here(pos, pos), "expected `]` to close the table name");
                } else {
                    pos++;
                    endOfLine(end);
                }
                Span span = here(start, pos);
                if (!name.equals("package")) {
                    stop(ErrorCode.E1602, here(nameStart, nameStart + name.length()), "unknown table `[" + name + "]`",
                            name.equals("dependencies") || name.equals("dev-dependencies")
                                    ? "note: dependencies are not supported yet: a package is built from its own modules"
                                    : "note: t.toml has one table, [package]");
                    return UNKNOWN_TABLE;
                }
                if (tables.containsKey(name)) throw stop(ErrorCode.E1601, span, "table `[" + name + "]` is defined twice", "note: it is first defined at " + tableSpans.get(name));
                tables.put(name, new LinkedHashMap<>());
                tableSpans.put(name, span);
                return name;
            }
            int keyStart = pos;
            if (text.charAt(pos) == '"' || text.charAt(pos) == '\'') throw stop(ErrorCode.E1601, here(pos, pos + 1), "quoted keys are not supported in t.toml");
            String key = bareKey(end, "a key, a `[table]` or a `#` comment");
            Span keySpan = here(keyStart, pos);
            skipSpaces(end);
            if (pos < end && text.charAt(pos) == '.') throw stop(ErrorCode.E1601, here(pos, pos + 1), "dotted keys are not supported in t.toml");
            if (pos >= end || text.charAt(pos) != '=') throw stop(ErrorCode.E1601, here(pos, pos), "expected `=` after the key `" + key + "`");
            pos++;
            skipSpaces(end);
            Value value = value(end);
            endOfLine(end);
            if (table == null) {
                throw stop(ErrorCode.E1602, keySpan, "key `" + key + "` is outside any table", "help: put it under `[package]`");
            }
            if (table.equals(UNKNOWN_TABLE)) return table; // its table was reported
            Map<String, Value> entries = tables.get(table);
            if (entries.containsKey(key)) throw stop(ErrorCode.E1601, keySpan, "duplicate key `" + key + "` in [" + table + "]", "note: it is first set at " + entries.get(key).span());
            if (!PACKAGE_KEYS.contains(key)) {
                throw stop(ErrorCode.E1602, keySpan, "unknown key `" + key + "` in [package]",
                        "note: the keys of [package] are " + String.join(", ", PACKAGE_KEYS.stream().map(k -> "`" + k + "`").toList()));
            }
            entries.put(key, value);
            return table;
        }

        private String bareKey(int end, String what) {
            int start = pos;
            while (pos < end && (Character.isLetterOrDigit(text.charAt(pos)) && text.charAt(pos) < 128 || text.charAt(pos) == '_' || text.charAt(pos) == '-')) pos++;
            if (pos == start) throw stop(ErrorCode.E1601, here(start, Math.min(start + 1, end)), "expected " + what + ", found " + found(end));
            return text.substring(start, pos);
        }

        private String found(int end) {
            if (pos >= end) return "the end of the line";
            int cp = text.codePointAt(pos);
            return "`" + new String(Character.toChars(cp)) + "`";
        }

        private Value value(int end) {
            int start = pos;
            if (pos >= end) throw stop(ErrorCode.E1601, here(pos, pos), "expected a value after `=`");
            char c = text.charAt(pos);
            if (c == '"') {
                if (text.startsWith("\"\"\"", pos)) throw stop(ErrorCode.E1601, here(pos, pos + 3), "multi-line strings are not supported in t.toml");
                return new Value("a string", basicString(end), here(start, pos));
            }
            if (c == '\'') {
                if (text.startsWith("'''", pos)) throw stop(ErrorCode.E1601, here(pos, pos + 3), "multi-line strings are not supported in t.toml");
                int close = text.indexOf('\'', pos + 1);
                if (close < 0 || close >= end) throw stop(ErrorCode.E1601, here(start, end), "unterminated string");
                pos = close + 1;
                return new Value("a string", text.substring(start + 1, close), here(start, pos));
            }
            if (c == '[' || c == '{') {
                char close = c == '[' ? ']' : '}';
                int depth = 0;
                boolean inString = false;
                for (; pos < end; pos++) {
                    char x = text.charAt(pos);
                    if (x == '"') inString = !inString;
                    else if (!inString && (x == '[' || x == '{')) depth++;
                    else if (!inString && (x == ']' || x == '}')) depth--;
                    if (depth == 0) break;
                }
                if (pos >= end) throw stop(ErrorCode.E1601, here(start, start + 1), "unclosed `" + c + "` (t.toml values fit on one line)");
                pos++;
                return new Value(c == '[' ? "an array" : "a table", null, here(start, pos));
            }
            while (pos < end && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '#') pos++;
            String word = text.substring(start, pos);
            Span span = here(start, pos);
            if (word.equals("true") || word.equals("false")) return new Value("a boolean", null, span);
            if (word.matches("[+-]?[0-9][0-9_]*(\\.[0-9_]+)?([eE][+-]?[0-9]+)?")) return new Value("a number", null, span);
            throw stop(ErrorCode.E1601, span, "invalid value `" + word + "`", "help: strings are quoted: `\"" + word + "\"`");
        }

        private String basicString(int end) {
            int start = pos++;
            StringBuilder b = new StringBuilder();
            while (pos < end && text.charAt(pos) != '"') {
                char c = text.charAt(pos);
                if (c != '\\') {
                    b.append(c);
                    pos++;
                    continue;
                }
                if (pos + 1 >= end) break;
                char e = text.charAt(pos + 1);
                switch (e) {
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'u', 'U' -> {
                        int n = e == 'u' ? 4 : 8;
                        String hex = pos + 2 + n <= end ? text.substring(pos + 2, pos + 2 + n) : "";
                        int cp = hex.matches("[0-9A-Fa-f]{" + n + "}") ? (int) Long.parseLong(hex, 16) : -1;
                        if (cp < 0 || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
                            throw stop(ErrorCode.E1601, here(pos, Math.min(end, pos + 2 + n)), "invalid unicode escape in string");
                        }
                        b.appendCodePoint(cp);
                        pos += n;
                    }
                    default -> throw stop(ErrorCode.E1601, here(pos, pos + 2), "invalid escape `\\" + e + "` in string");
                }
                pos += 2;
            }
            if (pos >= end) throw stop(ErrorCode.E1601, here(start, end), "unterminated string");
            pos++;
            return b.toString();
        }

        private void skipSpaces(int end) {
            while (pos < end && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
        }

        /** Only spaces and a comment may follow what a line holds. */
        private void endOfLine(int end) {
            skipSpaces(end);
            if (pos < end && text.charAt(pos) == '\r' && pos + 1 == end) return;
            if (pos < end && text.charAt(pos) != '#') {
                throw stop(ErrorCode.E1601, here(pos, end), "expected the end of the line, found " + found(end), "note: write one key or table per line");
            }
        }

        private Stop stop(ErrorCode code, Span span, String message, String... notes) {
            diags.error(code, span, message, notes);
            return new Stop();
        }
    }

    /** Abandons the current line after an error was reported. */
    private static final class Stop extends RuntimeException {
        Stop() { super(null, null, false, false); }
    }
}
