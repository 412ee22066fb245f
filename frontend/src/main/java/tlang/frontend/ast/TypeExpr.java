package tlang.frontend.ast;

import tlang.frontend.source.Span;

import java.util.List;

/** Types as written in the source, before resolution. */
public sealed interface TypeExpr {
    Span span();

    record Named(List<String> segments, Span span) implements TypeExpr {
        public String joined() { return String.join("::", segments); }
    }
    record Unit(Span span) implements TypeExpr {}
    /** `(A, B)`; `(A,)` for one element. */
    record Tuple(List<TypeExpr> elements, Span span) implements TypeExpr {}
    record Never(Span span) implements TypeExpr {}
}
