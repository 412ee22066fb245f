package tlang.frontend.diag;

import tlang.frontend.source.Span;

/**
 * Renders a diagnostic the way compilers conventionally do, so that editors and terminals
 * can jump to it:
 * <pre>
 * file.t:3:9: error: cannot find value `x` in this scope
 *     3 |     let y = x + 1;
 *       |             ^
 * </pre>
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {}

    public static String render(Diagnostic d) {
        Span s = d.span();
        StringBuilder out = new StringBuilder();
        out.append(s.file().path()).append(':').append(s.line()).append(':').append(s.column())
           .append(": ").append(d.severity().label).append(": ").append(d.message()).append('\n');
        int line = s.line();
        String text = s.file().lineText(line);
        String number = Integer.toString(line);
        String gutter = " ".repeat(number.length());
        out.append(' ').append(number).append(" | ").append(text.replace('\t', ' ')).append('\n');
        int col = s.column();
        int endLine = s.file().line(Math.max(s.start(), s.end() - 1));
        int width;
        if (endLine == line && s.end() > s.start()) {
            width = s.file().column(s.end()) - col;
        } else if (endLine != line) {
            width = text.codePointCount(0, text.length()) - col + 1;
        } else {
            width = 1;
        }
        out.append(' ').append(gutter).append(" | ").append(" ".repeat(Math.max(0, col - 1)))
           .append("^".repeat(Math.max(1, width))).append('\n');
        for (String note : d.notes()) out.append(' ').append(gutter).append(" = ").append(note).append('\n');
        return out.toString();
    }
}
