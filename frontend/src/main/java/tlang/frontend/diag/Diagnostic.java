package tlang.frontend.diag;

import tlang.frontend.source.Span;

import java.util.List;

/**
 * A message to the user about their program, anchored at a span of the source. Errors carry
 * a stable {@link ErrorCode} (warnings none, for now).
 */
public record Diagnostic(Severity severity, ErrorCode code, String message, Span span, List<String> notes) {
    public enum Severity {
        ERROR("error"), WARNING("warning");
        public final String label;
        Severity(String label) { this.label = label; }
    }
}
