package tlang.frontend.diag;

import tlang.frontend.source.Span;

/**
 * Diagnostics as JSON for editors and tools (`--error-format=json`): one object per line,
 * with the level, stable code, message, the primary span (1-based lines and columns, columns
 * in Unicode scalar values, end exclusive), notes, and the human rendering.
 */
public final class DiagnosticJson {
    private DiagnosticJson() {}

    public static String render(Diagnostic d) {
        Span s = d.span();
        int endOffset = Math.max(s.start(), s.end());
        StringBuilder b = new StringBuilder("{");
        field(b, "level", d.severity().label).append(',');
        b.append("\"code\":").append(d.code() == null ? "null" : quote(d.code().name())).append(',');
        field(b, "message", d.message()).append(',');
        b.append("\"spans\":[{");
        field(b, "file", s.file().path()).append(',');
        b.append("\"line_start\":").append(s.line()).append(",\"column_start\":").append(s.column()).append(',');
        b.append("\"line_end\":").append(s.file().line(endOffset)).append(",\"column_end\":").append(s.file().column(endOffset)).append(',');
        b.append("\"is_primary\":true}],");
        b.append("\"notes\":[");
        for (int i = 0; i < d.notes().size(); i++) b.append(i > 0 ? "," : "").append(quote(d.notes().get(i)));
        b.append("],");
        field(b, "rendered", DiagnosticRenderer.render(d));
        return b.append('}').toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        return b.append(quote(name)).append(':').append(quote(value));
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
