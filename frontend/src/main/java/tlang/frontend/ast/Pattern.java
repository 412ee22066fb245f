package tlang.frontend.ast;

import tlang.frontend.source.Span;

import java.util.List;

/** Patterns, as in `match` arms, `if let`, `while let` and destructuring `let`. */
public sealed interface Pattern {
    Span span();

    /** `_`: matches anything, binds nothing. */
    record Wildcard(Span span) implements Pattern {}

    /** `name`, `mut name`, or `name @ subpattern`. */
    record Binding(String name, boolean mutable, Pattern subpattern, Span span) implements Pattern {}

    /** A literal: an integer (possibly negative), char, bool or string. */
    record Literal(Expr value, Span span) implements Pattern {}

    /** `lo..=hi` or `lo..hi` with literal ends. */
    record Range(Expr low, Expr high, boolean inclusive, Span span) implements Pattern {}

    /** `(a, b, ..)`; {@code restAt} is the index of `..` or -1. */
    record Tuple(List<Pattern> elements, int restAt, Span span) implements Pattern {}

    /** A path without arguments: a unit enum variant or unit struct (`Color::Red`, `None`). */
    record Path(Expr.Path path, Span span) implements Pattern {}

    /** `Path(p, q, ..)`: a tuple variant or tuple struct; {@code restAt} as for tuples. */
    record TupleStruct(Expr.Path path, List<Pattern> elements, int restAt, Span span) implements Pattern {}

    /** `Path { a, b: p, .. }`. */
    record Struct(Expr.Path path, List<FieldPattern> fields, boolean rest, Span span) implements Pattern {}

    record FieldPattern(String name, Span nameSpan, Pattern pattern) {}

    /** `p | q`. */
    record Or(List<Pattern> alternatives, Span span) implements Pattern {}
}
