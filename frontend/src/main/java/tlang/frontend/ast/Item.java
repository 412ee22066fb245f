package tlang.frontend.ast;

import tlang.frontend.source.Span;

import java.util.List;

/** Top-level declarations of a module. */
public sealed interface Item {
    Span span();

    /** A function; {@code returnType} is null when it returns `()`. */
    record Fn(String name, Span nameSpan, List<Param> params, TypeExpr returnType, Expr.Block body, Span span) implements Item {}

    record Param(String name, Span nameSpan, boolean mutable, TypeExpr type, Span span) {}
}
