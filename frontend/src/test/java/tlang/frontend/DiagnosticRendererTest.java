package tlang.frontend;

import org.junit.jupiter.api.Test;
import tlang.frontend.diag.Diagnostic;
import tlang.frontend.diag.DiagnosticRenderer;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.source.SourceFile;
import tlang.frontend.source.Span;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiagnosticRendererTest {
    @Test
    void rendersLocationSourceLineAndCaret() {
        SourceFile f = new SourceFile("dir/a.t", "fn main() {\n    let y = x + 1;\n}\n");
        int at = f.text().indexOf("x +");
        Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, ErrorCode.E0425, "cannot find value `x` in this scope", new Span(f, at, at + 1), List.of("help: try `y`"));
        assertEquals("""
                dir/a.t:2:13: error[E0425]: cannot find value `x` in this scope
                 2 |     let y = x + 1;
                   |             ^
                   = help: try `y`
                """, DiagnosticRenderer.render(d));
    }

    @Test
    void underlinesTheWholeSpanAndCountsColumnsInCodePoints() {
        SourceFile f = new SourceFile("a.t", "let é = foo;");
        int at = f.text().indexOf("foo");
        String out = DiagnosticRenderer.render(new Diagnostic(Diagnostic.Severity.ERROR, ErrorCode.E0308, "m", new Span(f, at, at + 3), List.of()));
        assertEquals("a.t:1:9: error[E0308]: m\n 1 | let é = foo;\n   |         ^^^\n", out);
    }
}
