package tlang.frontend.ast;

import tlang.frontend.source.Span;

import java.util.List;

/** Top-level declarations of a module. */
public sealed interface Item {
    Span span();

    /**
     * A function or method; {@code returnType} is null when it returns `()`, {@code self}
     * is null for anything that is not a method. {@code trackCaller}: marked
     * `#[track_caller]` (the standard library only), so its panics, and those of the
     * `#[track_caller]` functions it calls, report the location of the call.
     */
    record Fn(String name, Span nameSpan, Generics generics, SelfParam self, List<Param> params, TypeExpr returnType, Expr.Block body, Span span,
              Extern extern, boolean trackCaller) implements Item {
        public Fn(String name, Span nameSpan, Generics generics, SelfParam self, List<Param> params, TypeExpr returnType, Expr.Block body, Span span) {
            this(name, nameSpan, generics, self, params, returnType, body, span, null, false);
        }

        public Fn(String name, Span nameSpan, Generics generics, SelfParam self, List<Param> params, TypeExpr returnType, Expr.Block body, Span span,
                  Extern extern) {
            this(name, nameSpan, generics, self, params, returnType, body, span, extern, false);
        }

        /** The same function, marked `#[track_caller]`: its panics report where it was called. */
        public Fn trackingCaller() {
            return new Fn(name, nameSpan, generics, self, params, returnType, body, span, extern, true);
        }

        /** A trait's required method has a signature and no body. */
        public boolean hasBody() { return body != null; }

        /** A function declared in an `extern "C" { ... }` block: C code defines it. */
        public boolean isForeign() { return extern != null && extern.foreign(); }

        /** An `extern "C" fn name() { ... }` that T defines and C code may call. */
        public boolean isExported() { return extern != null && !extern.foreign(); }
    }

    /**
     * The C side of an `extern "C"` function (null for every other function): {@code symbol}
     * is its C name — the name as written, whatever module it is in; {@code foreign} when it
     * was declared in an `extern "C" { ... }` block (no body), else T defines it for C.
     * {@code span} covers `extern "C"`.
     */
    record Extern(String symbol, boolean foreign, Span span) {}

    /** `<T: Bound + Other, U>` and a `where` clause: the type parameters of an item, with their bounds. */
    record Generics(List<TypeParam> params, List<WherePredicate> where) {
        public static final Generics NONE = new Generics(List.of(), List.of());
        public boolean isEmpty() { return params.isEmpty() && where.isEmpty(); }
    }

    /** `T: A + B` (or `Rhs = Self` in a trait's list: {@code defaultType}) in `<...>`; the bounds are trait names, possibly with arguments (`Iterator<Item = i64>`). */
    record TypeParam(String name, Span span, List<TypeExpr> bounds, TypeExpr defaultType) {
        public TypeParam(String name, Span span, List<TypeExpr> bounds) { this(name, span, bounds, null); }
    }

    /** `where T: A + B`. */
    record WherePredicate(TypeExpr subject, List<TypeExpr> bounds, Span span) {}

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
     * or `struct Name;` (no fields). A `class Name { ... }` has the same form (named fields
     * or none) and declares a reference type: {@code isClass}.
     */
    record Struct(String name, Span nameSpan, Generics generics, List<FieldDecl> fields, Shape shape, Span span, boolean isClass) implements Item {
        public enum Shape { NAMED, TUPLE, UNIT }

        public Struct(String name, Span nameSpan, Generics generics, List<FieldDecl> fields, Shape shape, Span span) {
            this(name, nameSpan, generics, fields, shape, span, false);
        }

        /** `struct` or `class`, for messages. */
        public String keyword() { return isClass ? "class" : "struct"; }
    }

    record FieldDecl(String name, Span nameSpan, TypeExpr type, Span span) {}

    /** `enum Name { A, B(T, U), C { x: T } }`. */
    record Enum(String name, Span nameSpan, Generics generics, List<Variant> variants, Span span) implements Item {}

    /** One variant; its fields are named 0, 1, ... for the tuple shape, none for the unit shape. */
    record Variant(String name, Span nameSpan, List<FieldDecl> fields, Struct.Shape shape, Span span) {}

    /**
     * `impl<T> Type { fn ... }` (methods and associated functions of a type) or
     * `impl<T> Trait for Type { ... }` ({@code trait} set): a trait's methods and associated
     * types for a type.
     */
    record Impl(Generics generics, TypeExpr trait, TypeExpr selfType, List<Fn> functions, List<Const> consts, List<TypeAlias> types, Span span) implements Item {}

    /** `type Output = Point;` inside a trait impl. */
    record TypeAlias(String name, Span nameSpan, TypeExpr type, Span span) {}

    /**
     * `trait Name: Super { type Item; fn required(&self); fn provided(&self) { ... } }`.
     * Methods without a body must be implemented; the others are defaults.
     */
    record Trait(String name, Span nameSpan, Generics generics, List<TypeExpr> supertraits, List<TypeParam> types, List<Fn> methods, Span span) implements Item {}

    /**
     * `const NAME: T = value;` or `static NAME: T = value;` — a value computed at compile
     * time. (Statics are immutable for now; `static mut` comes with `unsafe`.)
     */
    record Const(String name, Span nameSpan, TypeExpr type, Expr value, boolean isStatic, Span span) implements Item {}
}
