package tlang.frontend.ast;

import tlang.frontend.source.Span;

/** Statements inside a block. */
public sealed interface Stmt {
    Span span();

    /** `let [mut] name [: type] = init;` — {@code type} may be null. */
    record Let(String name, Span nameSpan, boolean mutable, TypeExpr type, Expr init, Span span) implements Stmt {}

    /**
     * `let pattern [: type] = init;` with a pattern that always matches, like `(a, b)` or
     * `Point { x, y }` — destructuring. (A plain name is a {@link Let}.)
     */
    record LetPattern(Pattern pattern, TypeExpr type, Expr init, Span span) implements Stmt {}

    /** An expression used as a statement; {@code semicolon} tells whether one followed it. */
    record ExprStmt(Expr expr, boolean semicolon, Span span) implements Stmt {}
}
