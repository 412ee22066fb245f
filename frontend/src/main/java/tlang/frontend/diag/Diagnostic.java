package tlang.frontend.diag;

import tlang.frontend.source.Span;

import java.util.List;

/** A message to the user about their program, anchored at a span of the source. */
public record Diagnostic(Severity severity, String message, Span span, List<String> notes) {
    public enum Severity {
        ERROR("error"), WARNING("warning");
        final String label;
        Severity(String label) { this.label = label; }
    }
}
