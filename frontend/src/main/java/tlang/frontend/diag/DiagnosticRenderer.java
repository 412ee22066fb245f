package tlang.frontend.diag;

import tlang.frontend.source.Span;

/**
 * Renders a diagnostic the way compilers conventionally do, so that editors and terminals
 * can jump to it:
 * <pre>
 * file.t:3:9: error[E0425]: cannot find value `x` in this scope
 *     3 |     let y = x + 1;
 *       |             ^
 * </pre>
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {}

    /** Source lines longer than this are shown as a window around the error. */
    static final int MAX_SHOWN = 160;

    public static String render(Diagnostic d) {
        return render(d, false);
    }

    // ANSI styles, used only when the output is a terminal (see the CLI's --color).
    private static final String BOLD = "\u001b[1m", RED = "\u001b[1;31m", YELLOW = "\u001b[1;33m", BLUE = "\u001b[1;34m", RESET = "\u001b[0m";

    /** The human-readable form; {@code color} adds ANSI colours for terminals. */
    public static String render(Diagnostic d, boolean color) {
        Span s = d.span();
        StringBuilder out = new StringBuilder();
        String level = d.severity().label + (d.code() == null ? "" : "[" + d.code().name() + "]");
        String levelColor = d.severity() == Diagnostic.Severity.ERROR ? RED : YELLOW;
        out.append(color ? BOLD : "").append(s.file().path()).append(':').append(s.line()).append(':').append(s.column())
           .append(": ").append(color ? levelColor : "").append(level).append(color ? RESET + BOLD : "")
           .append(": ").append(d.message()).append(color ? RESET : "").append('\n');
        int line = s.line();
        String text = s.file().lineText(line);
        int col = s.column();
        // A very long line is shown as a window around the span, so that output stays
        // proportional to the number of errors rather than to their lines' length.
        int shift = 0;
        if (text.codePointCount(0, text.length()) > MAX_SHOWN) {
            int[] cps = text.codePoints().toArray();
            int from = Math.max(0, Math.min(col - 1 - MAX_SHOWN / 2, cps.length - MAX_SHOWN));
            int to = Math.min(cps.length, from + MAX_SHOWN);
            String window = new String(cps, from, to - from);
            text = (from > 0 ? "..." : "") + window + (to < cps.length ? "..." : "");
            shift = from - (from > 0 ? 3 : 0);
        }
        String number = Integer.toString(line);
        String gutter = " ".repeat(number.length());
        String bar = color ? BLUE + " | " + RESET : " | ";
        out.append(' ').append(color ? BLUE + number + RESET : number).append(bar).append(text.replace('\t', ' ')).append('\n');
        int endLine = s.file().line(Math.max(s.start(), s.end() - 1));
        int width;
        if (endLine == line && s.end() > s.start()) {
            width = s.file().column(s.end()) - col;
        } else if (endLine != line) {
            width = s.file().lineText(line).codePointCount(0, s.file().lineText(line).length()) - col + 1;
        } else {
            width = 1;
        }
        col -= shift;
        width = Math.max(1, Math.min(width, text.codePointCount(0, text.length()) - col + 1));
        out.append(' ').append(gutter).append(bar).append(" ".repeat(Math.max(0, col - 1)))
           .append(color ? levelColor : "").append("^".repeat(Math.max(1, width))).append(color ? RESET : "").append('\n');
        for (String note : d.notes()) out.append(' ').append(gutter).append(color ? BLUE + " = " + RESET : " = ").append(note).append('\n');
        return out.toString();
    }
}
