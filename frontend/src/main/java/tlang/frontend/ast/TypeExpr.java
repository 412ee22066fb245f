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
    /** `[T; N]`: {@code length} is a constant expression (a literal or a `const`). */
    record Array(TypeExpr element, Expr length, Span span) implements TypeExpr {}
    /** `&T` or `&mut T`: allowed only as a parameter type (references are second-class). */
    record Ref(TypeExpr inner, boolean mutable, Span span) implements TypeExpr {}
}
