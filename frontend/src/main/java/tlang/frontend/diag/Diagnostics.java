package tlang.frontend.diag;

import tlang.frontend.source.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one compilation. Phases report here and keep going, so that
 * one run shows several independent errors; later phases run only while there are none.
 */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();
    private int errors;

    public void error(ErrorCode code, Span span, String message, String... notes) {
        all.add(new Diagnostic(Diagnostic.Severity.ERROR, code, message, span, List.of(notes)));
        errors++;
    }

    /** Something that is probably a mistake but does not stop the build (an unreachable arm). */
    public void warning(Span span, String message, String... notes) {
        all.add(new Diagnostic(Diagnostic.Severity.WARNING, null, message, span, List.of(notes)));
    }

    public boolean hasErrors() { return errors > 0; }
    public int errorCount() { return errors; }
    public List<Diagnostic> all() { return List.copyOf(all); }
}
