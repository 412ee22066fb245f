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

    /**
     * Code the compiler wrote (a `#[derive]`'s impl) has no place in a file the user can
     * open: what is reported inside it is reported at the source span that asked for it.
     */
    private final java.util.Map<tlang.frontend.source.SourceFile, Span> generated = new java.util.HashMap<>();

    public void reportGeneratedAt(tlang.frontend.source.SourceFile file, Span origin) {
        generated.put(file, origin);
    }

    public void error(ErrorCode code, Span span, String message, String... notes) {
        Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, code, message, place(span), withOrigin(span, notes));
        // The same error twice at one place (generated code checks a field in two branches,
        // say) is shown once; it still counts, so that phases know something failed.
        if (!all.contains(d)) {
            all.add(d);
            shown++;
        }
        errors++;
    }

    private int shown;

    /** How many distinct errors were reported (what the user is told). */
    public int shownErrorCount() { return shown; }

    /** Something that is probably a mistake but does not stop the build (an unreachable arm). */
    public void warning(Span span, String message, String... notes) {
        all.add(new Diagnostic(Diagnostic.Severity.WARNING, null, message, place(span), withOrigin(span, notes)));
    }

    private Span place(Span span) {
        return span == null ? null : generated.getOrDefault(span.file(), span);
    }

    private List<String> withOrigin(Span span, String[] notes) {
        if (span == null || !generated.containsKey(span.file())) return List.of(notes);
        List<String> out = new ArrayList<>(List.of(notes));
        out.add("note: in the code " + span.file().path() + " writes: `" + span.text() + "`");
        return List.copyOf(out);
    }

    public boolean hasErrors() { return errors > 0; }
    public int errorCount() { return errors; }
    public List<Diagnostic> all() { return List.copyOf(all); }
}
