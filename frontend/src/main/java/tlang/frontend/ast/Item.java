package tlang.frontend.ast;

import tlang.frontend.source.Span;

import java.util.List;

/** Top-level declarations of a module. */
public sealed interface Item {
    Span span();

    /**
     * A function or method; {@code returnType} is null when it returns `()`, {@code self}
     * is null for anything that is not a method.
     */
    record Fn(String name, Span nameSpan, SelfParam self, List<Param> params, TypeExpr returnType, Expr.Block body, Span span) implements Item {}

    record Param(String name, Span nameSpan, boolean mutable, TypeExpr type, Span span) {}

    /** How a method takes its receiver: `self`, `mut self`, `&self` or `&mut self`. */
    record SelfParam(Kind kind, Span span) {
        public enum Kind {
            VALUE("self"), MUT_VALUE("mut self"), REF("&self"), REF_MUT("&mut self");
            public final String spelling;
            Kind(String spelling) { this.spelling = spelling; }
        }

        public boolean byReference() { return kind == Kind.REF || kind == Kind.REF_MUT; }
    }

    /**
     * `struct Name { a: T, b: U }`, `struct Name(T, U);` (tuple struct, fields named 0, 1, ...)
     * or `struct Name;` (no fields).
     */
    record Struct(String name, Span nameSpan, List<FieldDecl> fields, Shape shape, Span span) implements Item {
        public enum Shape { NAMED, TUPLE, UNIT }
    }

    record FieldDecl(String name, Span nameSpan, TypeExpr type, Span span) {}

    /** `enum Name { A, B(T, U), C { x: T } }`. */
    record Enum(String name, Span nameSpan, List<Variant> variants, Span span) implements Item {}

    /** One variant; its fields are named 0, 1, ... for the tuple shape, none for the unit shape. */
    record Variant(String name, Span nameSpan, List<FieldDecl> fields, Struct.Shape shape, Span span) {}

    /** `impl Type { fn ... }`: methods and associated functions of a type. */
    record Impl(TypeExpr selfType, List<Fn> functions, List<Const> consts, Span span) implements Item {}

    /**
     * `const NAME: T = value;` or `static NAME: T = value;` — a value computed at compile
     * time. (Statics are immutable for now; `static mut` comes with `unsafe`.)
     */
    record Const(String name, Span nameSpan, TypeExpr type, Expr value, boolean isStatic, Span span) implements Item {}
}
