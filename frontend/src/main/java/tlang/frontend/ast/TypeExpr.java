package tlang.frontend.ast;

import tlang.frontend.source.Span;

import java.util.List;

/** Types as written in the source, before resolution. */
public sealed interface TypeExpr {
    Span span();

    /**
     * `Name`, `a::b::Name`, `Name<A, B>`, or in a bound `Iterator<Item = T>` ({@code bindings}
     * are the associated types fixed by the bound). {@code args} belong to the last segment.
     */
    record Named(List<String> segments, List<TypeExpr> args, List<Binding> bindings, Span span) implements TypeExpr {
        public Named(List<String> segments, Span span) { this(segments, List.of(), List.of(), span); }
        public String joined() { return String.join("::", segments); }
    }

    /** `Item = T` inside a bound's angle brackets. */
    record Binding(String name, Span nameSpan, TypeExpr type) {}

    /** `dyn Trait`: a value of some type implementing the trait, called through a vtable. */
    record Dyn(Named trait, Span span) implements TypeExpr {}

    /** `fn(A, B) -> R`: a function value. */
    record Fn(List<TypeExpr> params, TypeExpr result, Span span) implements TypeExpr {}
    record Unit(Span span) implements TypeExpr {}
    /** `(A, B)`; `(A,)` for one element. */
    record Tuple(List<TypeExpr> elements, Span span) implements TypeExpr {}
    record Never(Span span) implements TypeExpr {}
    /** `[T; N]`: {@code length} is a constant expression (a literal or a `const`). */
    record Array(TypeExpr element, Expr length, Span span) implements TypeExpr {}
    /** `&T` or `&mut T`: allowed only as a parameter type (references are second-class). */
    record Ref(TypeExpr inner, boolean mutable, Span span) implements TypeExpr {}
    /** `*T` / `*mut T` (`*const T` is `*T`): a raw pointer, used inside `unsafe { }`. */
    record Ptr(TypeExpr pointee, boolean mutable, Span span) implements TypeExpr {}
}
