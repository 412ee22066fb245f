package tlang.frontend.ast;

import tlang.frontend.source.Span;

import java.math.BigInteger;
import java.util.List;


/**
 * Expressions. T is expression-oriented: blocks, `if` and `loop` are expressions too.
 * Nodes are immutable; later phases attach facts (types, resolutions) in identity-keyed
 * side tables rather than mutating the tree.
 */
public sealed interface Expr {
    Span span();

    /** {@code suffix} is the type written after the digits (`255u8`), or null. */
    record IntLit(BigInteger value, String suffix, Span span) implements Expr {}
    /** {@code text} is the literal without underscores (`1.5e3`); {@code suffix} is `f32`, `f64` or null. */
    record FloatLit(String text, String suffix, Span span) implements Expr {}
    /** A character literal: one Unicode scalar value. */
    record CharLit(int codePoint, Span span) implements Expr {}
    record BoolLit(boolean value, Span span) implements Expr {}
    record StrLit(String value, Span span) implements Expr {}
    /** The unit value `()`. */
    record Unit(Span span) implements Expr {}
    /** A name or a `::`-separated path: `x`, `fib`, `std::process::exit`. */
    record Path(List<String> segments, List<List<TypeExpr>> generics, Span span) implements Expr {
        public Path(List<String> segments, Span span) { this(segments, segments.stream().map(s -> List.<TypeExpr>of()).toList(), span); }
        public String joined() { return String.join("::", segments); }
        /** The type arguments written after segment {@code i} (`f::<i64>`, `Vec::<T>::new`), or an empty list. */
        public List<TypeExpr> argsAt(int i) { return generics.get(i); }
        public boolean hasTypeArgs() { return generics.stream().anyMatch(g -> !g.isEmpty()); }
    }
    record Call(Expr callee, List<Expr> args, Span span) implements Expr {}
    /** `expr as Type`. */
    record Cast(Expr operand, TypeExpr type, Span span) implements Expr {}
    /** `(a, b)`; a one-element tuple is written `(a,)`. */
    record Tuple(List<Expr> elements, Span span) implements Expr {}
    /** `base.name`: a tuple element (`t.0`) or a struct field (`p.x`, `pair.0`). */
    record Field(Expr base, String name, Span nameSpan, Span span) implements Expr {}
    /** `receiver.name(args)`. */
    record MethodCall(Expr receiver, String name, Span nameSpan, List<TypeExpr> typeArgs, List<Expr> args, Span span) implements Expr {
        public MethodCall(Expr receiver, String name, Span nameSpan, List<Expr> args, Span span) { this(receiver, name, nameSpan, List.of(), args, span); }
    }
    /** `Name { field: value, short, ... }`. */
    record StructLit(Path type, List<FieldInit> fields, Span span) implements Expr {}
    /** One `name: value` (or shorthand `name`, whose value is the variable `name`). */
    record FieldInit(String name, Span nameSpan, Expr value) {}
    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}
    record Binary(BinaryOp op, Expr left, Expr right, Span opSpan, Span span) implements Expr {}
    /** `target = value`, or a compound assignment such as `target += value` when op is set. */
    record Assign(Expr target, BinaryOp op, Expr value, Span span) implements Expr {}
    /** A block; {@code tail} is the final expression without a semicolon, or null. */
    record Block(List<Stmt> stmts, Expr tail, Span span) implements Expr {}
    /** {@code otherwise} is a Block, another If (for `else if`), or null. */
    record If(Expr cond, Block then, Expr otherwise, Span span) implements Expr {}
    /** {@code label} is the loop's `'name` without the quote, or null (likewise below). */
    record While(String label, Expr cond, Block body, Span span) implements Expr {}
    record Loop(String label, Block body, Span span) implements Expr {}
    /** `for name in iterable { ... }`; so far the iterable is a range. */
    record For(String label, String variable, Span variableSpan, boolean mutable, Expr iterable, Block body, Span span) implements Expr {}
    /** `start..end` or `start..=end`. */
    record Range(Expr start, Expr end, boolean inclusive, Span span) implements Expr {}
    /** `match scrutinee { pattern if guard => body, ... }`. */
    record Match(Expr scrutinee, List<Arm> arms, Span span) implements Expr {}
    /** {@code guard} may be null. */
    record Arm(Pattern pattern, Expr guard, Expr body, Span span) {}
    /** `if let pattern = value { ... } else { ... }`; {@code otherwise} may be null. */
    record IfLet(Pattern pattern, Expr value, Block then, Expr otherwise, Span span) implements Expr {}
    /** `while let pattern = value { ... }`. */
    record WhileLet(String label, Pattern pattern, Expr value, Block body, Span span) implements Expr {}
    record Break(String label, Expr value, Span span) implements Expr {}
    record Continue(String label, Span span) implements Expr {}
    record Return(Expr value, Span span) implements Expr {}
    /** `[a, b, c]`. */
    record ArrayLit(List<Expr> elements, Span span) implements Expr {}
    /** `[value; count]`: {@code count} copies of one value; the count is a constant. */
    record ArrayRepeat(Expr value, Expr count, Span span) implements Expr {}
    /** `base[index]`. */
    record Index(Expr base, Expr index, Span span) implements Expr {}
    /** `&operand` / `&mut operand`: only as the argument of a reference parameter. */
    record Ref(boolean mutable, Expr operand, Span span) implements Expr {}
    /** `operand?`: the value inside `Some`/`Ok`, or an early return of `None`/`Err`. */
    record Try(Expr operand, Span span) implements Expr {}
    /** `move x`: hands the variable's value over; later uses of `x` are errors. */
    record Move(Expr operand, Span span) implements Expr {}
    /** `unsafe { ... }`: a block in which raw-pointer operations are allowed. */
    record Unsafe(Block block, Span span) implements Expr {}
    /** Stands in for an expression that failed to parse, so checking can go on quietly. */
    record Error(Span span) implements Expr {}

    /** `|a, b: i64| body` or `|x| -> R { ... }` ({@code result} null when not written). */
    record Closure(List<ClosureParam> params, TypeExpr result, Expr body, Span span) implements Expr {}

    /** A closure parameter; {@code type} is null when left to inference. */
    record ClosureParam(String name, Span nameSpan, boolean mutable, TypeExpr type) {}

    enum UnaryOp {
        NEG("-"), NOT("!");
        public final String symbol;
        UnaryOp(String symbol) { this.symbol = symbol; }
    }

    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), REM("%"),
        BIT_AND("&"), BIT_OR("|"), BIT_XOR("^"), SHL("<<"), SHR(">>"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        AND("&&"), OR("||");
        public final String symbol;
        BinaryOp(String symbol) { this.symbol = symbol; }

        public boolean isArithmetic() { return ordinal() <= REM.ordinal(); }
        public boolean isBitwise() { return this == BIT_AND || this == BIT_OR || this == BIT_XOR; }
        public boolean isShift() { return this == SHL || this == SHR; }
        public boolean isComparison() { return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal(); }
        public boolean isLogical() { return this == AND || this == OR; }
    }
}
