package tlang.frontend.check;

import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Expr.BinaryOp;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.ast.Stmt;
import tlang.frontend.ast.TypeExpr;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.source.Span;
import tlang.frontend.types.Type;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves names and checks types in one walk over each function body.
 *
 * <p>Checking is bidirectional in a small way: {@link #check(Expr, Type)} takes the type the
 * context expects (or null), which lets literals and branches report mismatches where they
 * occur. Every expression gets a type in {@link #types}; after an error the expression's
 * type is {@link Type#ERROR}, which is accepted everywhere so one mistake yields one message.
 */
public final class TypeChecker {
    private static final BigInteger I64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger I64_MIN_MAGNITUDE = I64_MAX.add(BigInteger.ONE);

    private final Module module;
    private final Diagnostics diags;
    private final Map<String, Symbol.Function> functions = new LinkedHashMap<>();
    private final Map<Expr, Type> types = new IdentityHashMap<>();
    private final Map<Expr.Path, Symbol> resolutions = new IdentityHashMap<>();
    private final Map<Stmt.Let, Symbol.Local> lets = new IdentityHashMap<>();
    private final Map<Item.Fn, List<Symbol.Local>> params = new IdentityHashMap<>();
    private final Map<Expr.Call, CheckedProgram.Format> formats = new IdentityHashMap<>();

    // Per-function state.
    private final Deque<Map<String, Symbol.Local>> scopes = new ArrayDeque<>();
    private final Deque<LoopContext> loops = new ArrayDeque<>();
    private Type returnType;
    private int nextLocal;

    private static final class LoopContext {
        final boolean isLoop; // `loop` may break with a value; `while` may not
        Type breakType;
        LoopContext(boolean isLoop) { this.isLoop = isLoop; }
    }

    private TypeChecker(Module module, Diagnostics diags) {
        this.module = module;
        this.diags = diags;
    }

    /** Checks a module; returns null if any error was reported (they are in {@code diags}). */
    public static CheckedProgram check(Module module, Diagnostics diags) {
        return new TypeChecker(module, diags).run();
    }

    private CheckedProgram run() {
        boolean syntaxErrors = diags.hasErrors();
        for (Item item : module.items()) {
            if (item instanceof Item.Fn fn) declare(fn);
        }
        for (Item item : module.items()) {
            if (item instanceof Item.Fn fn) checkFunction(fn);
        }
        Symbol.Function main = functions.get("main");
        if (syntaxErrors) {
            return null; // a `main` that failed to parse would be reported as missing
        } else if (main == null) {
            diags.error(new Span(module.file(), 0, 0), "`main` function not found in `" + module.file().path() + "`",
                    "help: add `fn main() { ... }` where the program starts");
        } else if (!main.params().isEmpty() || main.result() != Type.UNIT) {
            diags.error(main.decl().nameSpan(), "`main` must take no parameters and return `()`",
                    "help: use `std::env::arg(i)` for arguments and `std::process::exit(code)` for the exit status");
        }
        if (diags.hasErrors()) return null;
        return new CheckedProgram(module, List.copyOf(functions.values()), main, types, resolutions, lets, params, formats);
    }

    // ---- declarations ---------------------------------------------------------------

    private void declare(Item.Fn fn) {
        if (functions.containsKey(fn.name())) {
            Item.Fn previous = functions.get(fn.name()).decl();
            diags.error(fn.nameSpan(), "the name `" + fn.name() + "` is defined multiple times",
                    "note: previous definition of `" + fn.name() + "` at line " + previous.nameSpan().line());
            return;
        }
        if (Builtins.lookup(fn.name()).isPresent()) {
            diags.error(fn.nameSpan(), "the name `" + fn.name() + "` is reserved for the built-in `" + fn.name() + "`");
            return;
        }
        List<Type> paramTypes = new ArrayList<>();
        for (Item.Param p : fn.params()) paramTypes.add(resolveType(p.type()));
        Type result = fn.returnType() == null ? Type.UNIT : resolveType(fn.returnType());
        functions.put(fn.name(), new Symbol.Function(fn.name(), List.copyOf(paramTypes), result, fn));
    }

    private Type resolveType(TypeExpr t) {
        return switch (t) {
            case TypeExpr.Unit u -> Type.UNIT;
            case TypeExpr.Never n -> Type.NEVER;
            case TypeExpr.Named n -> switch (n.joined()) {
                case "i64" -> Type.I64;
                case "bool" -> Type.BOOL;
                case "String" -> Type.STRING;
                default -> {
                    diags.error(n.span(), "cannot find type `" + n.joined() + "` in this scope",
                            Suggestions.closest(n.joined(), List.of("i64", "bool", "String"))
                                    .map(s -> "help: a type with a similar name exists: `" + s + "`").orElse("note: the types so far are `i64`, `bool`, `String` and `()`"));
                    yield Type.ERROR;
                }
            };
        };
    }

    private void checkFunction(Item.Fn fn) {
        Symbol.Function sig = functions.get(fn.name());
        if (sig == null || sig.decl() != fn) return; // a duplicate, already reported
        scopes.clear();
        loops.clear();
        nextLocal = 0;
        returnType = sig.result();
        Map<String, Symbol.Local> paramScope = new HashMap<>();
        List<Symbol.Local> locals = new ArrayList<>();
        for (int i = 0; i < fn.params().size(); i++) {
            Item.Param p = fn.params().get(i);
            Symbol.Local local = new Symbol.Local(nextLocal++, p.name(), sig.params().get(i), p.mutable(), true, p.nameSpan());
            if (paramScope.put(p.name(), local) != null) {
                diags.error(p.nameSpan(), "identifier `" + p.name() + "` is bound more than once in this parameter list");
            }
            locals.add(local);
        }
        params.put(fn, List.copyOf(locals));
        scopes.push(paramScope);
        Type body = check(fn.body(), returnType);
        if (!returnType.accepts(body)) {
            Span where = fn.returnType() != null ? fn.returnType().span() : fn.nameSpan();
            if (body == Type.UNIT && fn.body().tail() == null) {
                diags.error(where, "mismatched types: expected `" + returnType.display() + "`, found `()`",
                        "note: the body of `" + fn.name() + "` has no tail expression or `return`, so it implicitly returns `()`");
            } else {
                diags.error(fn.body().tail() != null ? fn.body().tail().span() : where,
                        "mismatched types: expected `" + returnType.display() + "`, found `" + body.display() + "`");
            }
        }
        scopes.pop();
    }

    // ---- expressions ----------------------------------------------------------------

    /** Checks {@code e}; {@code expected} is what the context wants, or null. */
    private Type check(Expr e, Type expected) {
        Type t = infer(e, expected);
        types.put(e, t);
        return t;
    }

    /** Checks {@code e} and reports a mismatch against {@code expected}. */
    private Type expect(Expr e, Type expected) {
        Type t = check(e, expected);
        if (!expected.accepts(t)) {
            mismatch(e.span(), expected, t);
            return Type.ERROR;
        }
        return t;
    }

    private void mismatch(Span span, Type expected, Type found) {
        diags.error(span, "mismatched types: expected `" + expected.display() + "`, found `" + found.display() + "`");
    }

    private Type infer(Expr e, Type expected) {
        return switch (e) {
            case Expr.IntLit lit -> {
                if (lit.value().compareTo(I64_MAX) > 0) {
                    diags.error(lit.span(), "integer literal is too large for `i64`", "note: the largest `i64` is 9223372036854775807");
                    yield Type.ERROR;
                }
                yield Type.I64;
            }
            case Expr.BoolLit b -> Type.BOOL;
            case Expr.StrLit s -> Type.STRING;
            case Expr.Unit u -> Type.UNIT;
            case Expr.Path p -> path(p);
            case Expr.Call c -> call(c);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> binary(b);
            case Expr.Assign a -> assign(a);
            case Expr.Block b -> block(b, expected);
            case Expr.If i -> ifExpr(i, expected);
            case Expr.While w -> {
                expect(w.cond(), Type.BOOL);
                loops.push(new LoopContext(false));
                expect(w.body(), Type.UNIT);
                loops.pop();
                yield Type.UNIT;
            }
            case Expr.Loop l -> {
                LoopContext ctx = new LoopContext(true);
                loops.push(ctx);
                expect(l.body(), Type.UNIT);
                loops.pop();
                yield ctx.breakType == null ? Type.NEVER : ctx.breakType;
            }
            case Expr.Break b -> breakExpr(b);
            case Expr.Continue c -> {
                if (loops.isEmpty()) diags.error(c.span(), "`continue` outside of a loop");
                yield Type.NEVER;
            }
            case Expr.Return r -> {
                if (r.value() != null) {
                    expect(r.value(), returnType);
                } else if (!returnType.accepts(Type.UNIT)) {
                    diags.error(r.span(), "`return` without a value in a function that returns `" + returnType.display() + "`");
                }
                yield Type.NEVER;
            }
            case Expr.Error err -> Type.ERROR;
        };
    }

    private Type path(Expr.Path p) {
        Symbol s = resolve(p);
        if (s == null) return Type.ERROR;
        return switch (s) {
            case Symbol.Local l -> l.type();
            case Symbol.Function f -> {
                diags.error(p.span(), "functions cannot be used as values yet", "help: call it: `" + p.joined() + "(...)`");
                yield Type.ERROR;
            }
            case Symbol.Builtin b -> {
                diags.error(p.span(), "`" + b.kind().path + "` must be called", "help: call it: `" + p.joined() + "(...)`");
                yield Type.ERROR;
            }
        };
    }

    private Symbol resolve(Expr.Path p) {
        return resolve(p, "value");
    }

    /**
     * Looks a path up: locals (innermost first), then functions, then built-ins.
     * {@code kind} ("value" or "function") words the error when nothing is found.
     */
    private Symbol resolve(Expr.Path p, String kind) {
        Symbol found = null;
        if (p.segments().size() == 1) {
            String name = p.segments().get(0);
            for (Map<String, Symbol.Local> scope : scopes) {
                Symbol.Local l = scope.get(name);
                if (l != null) { found = l; break; }
            }
            if (found == null) found = functions.get(name);
        }
        if (found == null) found = Builtins.lookup(p.joined()).map(Symbol.Builtin::new).orElse(null);
        if (found == null) {
            Set<String> candidates = new TreeSet<>(functions.keySet());
            for (Map<String, Symbol.Local> scope : scopes) candidates.addAll(scope.keySet());
            for (Builtins.Kind k : Builtins.Kind.values()) candidates.add(k.path);
            String note = Suggestions.closest(p.joined(), candidates).map(s -> "help: a name with a similar spelling exists: `" + s + "`").orElse(null);
            String message = "cannot find " + kind + " `" + p.joined() + "` in this scope";
            if (note == null) diags.error(p.span(), message); else diags.error(p.span(), message, note);
            return null;
        }
        resolutions.put(p, found);
        return found;
    }

    private Type call(Expr.Call c) {
        if (!(c.callee() instanceof Expr.Path callee)) {
            check(c.callee(), null);
            diags.error(c.callee().span(), "expected a function name before `(`");
            c.args().forEach(a -> check(a, null));
            return Type.ERROR;
        }
        Symbol s = resolve(callee, "function");
        types.put(callee, Type.ERROR);
        if (s == null) {
            c.args().forEach(a -> check(a, null));
            return Type.ERROR;
        }
        return switch (s) {
            case Symbol.Local l -> {
                diags.error(callee.span(), "`" + l.name() + "` is a variable of type `" + l.type().display() + "`, not a function");
                c.args().forEach(a -> check(a, null));
                yield Type.ERROR;
            }
            case Symbol.Function f -> {
                checkArguments(c, f.name(), f.params());
                yield f.result();
            }
            case Symbol.Builtin b -> builtinCall(c, b.kind());
        };
    }

    private void checkArguments(Expr.Call c, String name, List<Type> paramTypes) {
        if (c.args().size() != paramTypes.size()) {
            diags.error(c.span(), "`" + name + "` takes " + count(paramTypes.size(), "argument") + " but "
                    + count(c.args().size(), "argument") + (c.args().size() == 1 ? " was" : " were") + " supplied");
            c.args().forEach(a -> check(a, null));
            return;
        }
        for (int i = 0; i < paramTypes.size(); i++) expect(c.args().get(i), paramTypes.get(i));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private Type builtinCall(Expr.Call c, Builtins.Kind kind) {
        return switch (kind) {
            case PRINT, PRINTLN, EPRINT, EPRINTLN, PANIC -> {
                formatCall(c, kind);
                yield kind == Builtins.Kind.PANIC ? Type.NEVER : Type.UNIT;
            }
            case EXIT -> { checkArguments(c, kind.path, List.of(Type.I64)); yield Type.NEVER; }
            case ARG_COUNT -> { checkArguments(c, kind.path, List.of()); yield Type.I64; }
            case ARG -> { checkArguments(c, kind.path, List.of(Type.I64)); yield Type.STRING; }
        };
    }

    private void formatCall(Expr.Call c, Builtins.Kind kind) {
        List<Expr> args = c.args();
        if (args.isEmpty()) {
            if (kind.newline) { formats.put(c, new CheckedProgram.Format(List.of(), List.of())); return; }
            diags.error(c.span(), "`" + kind.path + "` needs a format string", "help: for example `" + kind.path + "(\"{}\", value)`");
            return;
        }
        if (!(args.get(0) instanceof Expr.StrLit literal)) {
            check(args.get(0), null);
            args.subList(1, args.size()).forEach(a -> check(a, null));
            diags.error(args.get(0).span(), "format argument must be a string literal",
                    "help: you might be missing a string literal to format with: `\"{}\", ...`");
            return;
        }
        types.put(literal, Type.STRING);
        List<Expr> values = new ArrayList<>(args.subList(1, args.size()));
        List<Type> valueTypes = new ArrayList<>();
        for (Expr a : values) valueTypes.add(check(a, null));
        int explicit = values.size();
        List<FormatString.Piece> pieces = FormatString.parse(literal, diags);
        if (pieces == null) return;
        List<CheckedProgram.FormatPart> parts = new ArrayList<>();
        Map<String, Integer> named = new HashMap<>();
        boolean[] used = new boolean[explicit];
        boolean ok = true;
        long implicitCount = pieces.stream().filter(p -> p instanceof FormatString.Piece.Positional pp && pp.implicit()).count();
        boolean reportedCount = false;
        for (FormatString.Piece piece : pieces) {
            switch (piece) {
                case FormatString.Piece.Text t -> parts.add(new CheckedProgram.FormatPart.Text(t.text()));
                case FormatString.Piece.Positional p -> {
                    if (p.index() >= explicit) {
                        ok = false;
                        if (p.implicit() && !reportedCount) {
                            reportedCount = true;
                            diags.error(p.span(), count((int) implicitCount, "positional argument") + " in format string, but there "
                                    + (explicit == 1 ? "is 1 argument" : "are " + count(explicit, "argument")));
                        } else if (!p.implicit()) {
                            diags.error(p.span(), "invalid reference to positional argument " + p.index() + " ("
                                    + (explicit == 0 ? "no arguments were given" : "there " + (explicit == 1 ? "is 1 argument" : "are " + explicit + " arguments")) + ")");
                        }
                        continue;
                    }
                    used[p.index()] = true;
                    ok &= displayable(values.get(p.index()).span(), valueTypes.get(p.index()));
                    parts.add(new CheckedProgram.FormatPart.Arg(p.index(), valueTypes.get(p.index())));
                }
                case FormatString.Piece.Named n -> {
                    Integer index = named.get(n.name());
                    if (index == null) {
                        Expr.Path variable = new Expr.Path(List.of(n.name()), n.span());
                        Type t = check(variable, null);
                        ok &= t != Type.ERROR && displayable(n.span(), t);
                        index = values.size();
                        values.add(variable);
                        valueTypes.add(t);
                        named.put(n.name(), index);
                    }
                    parts.add(new CheckedProgram.FormatPart.Arg(index, valueTypes.get(index)));
                }
            }
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                diags.error(args.get(i + 1).span(), "argument never used", "help: add a `{}` to the format string for it");
                ok = false;
            }
        }
        if (ok) formats.put(c, new CheckedProgram.Format(List.copyOf(values), List.copyOf(parts)));
    }

    private boolean displayable(Span span, Type t) {
        if (t == Type.I64 || t == Type.BOOL || t == Type.STRING || t == Type.ERROR) return true;
        diags.error(span, "`" + t.display() + "` cannot be formatted with `{}`", "note: `{}` displays `i64`, `bool` and `String` values");
        return false;
    }

    private Type unary(Expr.Unary u) {
        if (u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.IntLit lit
                && lit.value().equals(I64_MIN_MAGNITUDE)) {
            types.put(lit, Type.I64); // `-9223372036854775808` is the one literal that fits only negated
            return Type.I64;
        }
        Type t = check(u.operand(), null);
        if (t == Type.ERROR || t == Type.NEVER) return t;
        if (u.op() == Expr.UnaryOp.NEG && t != Type.I64 || u.op() == Expr.UnaryOp.NOT && t != Type.BOOL && t != Type.I64) {
            diags.error(u.span(), "cannot apply unary operator `" + u.op().symbol + "` to type `" + t.display() + "`");
            return Type.ERROR;
        }
        return t;
    }

    private Type binary(Expr.Binary b) {
        BinaryOp op = b.op();
        if (op.isLogical()) {
            expect(b.left(), Type.BOOL);
            expect(b.right(), Type.BOOL);
            return Type.BOOL;
        }
        Type left = check(b.left(), null);
        Type right = check(b.right(), left == Type.NEVER ? null : left);
        if (left == Type.ERROR || right == Type.ERROR) return op.isComparison() ? Type.BOOL : Type.ERROR;
        Type operand = left == Type.NEVER ? right : left;
        boolean supported = switch (op) {
            case EQ, NE -> operand == Type.I64 || operand == Type.BOOL || operand == Type.STRING;
            case LT, LE, GT, GE -> operand == Type.I64;
            default -> operand == Type.I64;
        };
        if (!supported) {
            diags.error(b.opSpan(), "binary operation `" + op.symbol + "` cannot be applied to type `" + operand.display() + "`");
            return Type.ERROR;
        }
        if (!operand.accepts(right) || !operand.accepts(left)) {
            mismatch(b.right().span(), operand, right);
            return Type.ERROR;
        }
        return op.isComparison() ? Type.BOOL : operand;
    }

    private Type assign(Expr.Assign a) {
        if (!(a.target() instanceof Expr.Path target) || target.segments().size() != 1) {
            check(a.target(), null);
            check(a.value(), null);
            diags.error(a.target().span(), "invalid left-hand side of assignment", "note: only variables can be assigned so far");
            return Type.UNIT;
        }
        Type t = check(target, null);
        Symbol s = resolutions.get(target);
        if (s instanceof Symbol.Local local && !local.mutable()) {
            if (local.parameter()) {
                diags.error(a.span(), "cannot assign to immutable argument `" + local.name() + "`",
                        "help: declare the parameter mutable: `mut " + local.name() + ": " + local.type().display() + "`");
            } else {
                diags.error(a.span(), "cannot assign twice to immutable variable `" + local.name() + "`",
                        "help: consider making this binding mutable: `mut " + local.name() + "` (declared at line " + local.declared().line() + ")");
            }
        }
        if (a.op() != null && t != Type.ERROR && t != Type.I64) {
            diags.error(a.span(), "binary assignment operation `" + a.op().symbol + "=` cannot be applied to type `" + t.display() + "`");
            check(a.value(), null);
            return Type.UNIT;
        }
        if (t == Type.ERROR) check(a.value(), null); else expect(a.value(), t);
        return Type.UNIT;
    }

    private Type block(Expr.Block b, Type expected) {
        scopes.push(new HashMap<>());
        boolean diverges = false;
        for (Stmt s : b.stmts()) {
            switch (s) {
                case Stmt.Let let -> diverges |= letStmt(let);
                case Stmt.ExprStmt es -> {
                    boolean blockLike = es.expr() instanceof Expr.If || es.expr() instanceof Expr.While
                            || es.expr() instanceof Expr.Loop || es.expr() instanceof Expr.Block;
                    Type t = blockLike && !es.semicolon() ? expect(es.expr(), Type.UNIT) : check(es.expr(), null);
                    diverges |= t == Type.NEVER;
                }
            }
        }
        Type result;
        if (b.tail() != null) {
            result = check(b.tail(), expected);
        } else {
            result = diverges ? Type.NEVER : Type.UNIT;
        }
        scopes.pop();
        return result;
    }

    /** Returns true when the initializer diverges. */
    private boolean letStmt(Stmt.Let let) {
        Type declared = let.type() == null ? null : resolveType(let.type());
        Type t;
        if (let.init() == null) {
            diags.error(let.nameSpan(), "`let` without an initial value is not supported yet",
                    "help: give `" + let.name() + "` a value: `let " + let.name() + " = ...;`");
            t = declared == null ? Type.ERROR : declared;
        } else if (declared != null) {
            Type init = expect(let.init(), declared);
            t = declared;
            if (init == Type.NEVER) { declare(let, t); return true; }
        } else {
            t = check(let.init(), null);
            if (t == Type.NEVER) { declare(let, Type.ERROR); return true; }
        }
        declare(let, t);
        return false;
    }

    private void declare(Stmt.Let let, Type t) {
        Symbol.Local local = new Symbol.Local(nextLocal++, let.name(), t, let.mutable(), false, let.nameSpan());
        lets.put(let, local);
        scopes.peek().put(let.name(), local);
    }

    private Type ifExpr(Expr.If i, Type expected) {
        expect(i.cond(), Type.BOOL);
        if (i.otherwise() == null) {
            Type then = check(i.then(), null);
            if (then != Type.UNIT && then != Type.NEVER && then != Type.ERROR) {
                diags.error(i.span(), "`if` may be missing an `else` clause",
                        "note: without `else`, `if` has type `()`, but its block has type `" + then.display() + "`");
                return Type.ERROR;
            }
            return Type.UNIT;
        }
        Type then = check(i.then(), expected);
        Type wanted = expected != null && expected != Type.ERROR ? expected : (then == Type.NEVER ? null : then);
        Type other = check(i.otherwise(), wanted);
        if (then == Type.ERROR || other == Type.ERROR) return Type.ERROR;
        if (then == Type.NEVER) return other;
        if (other == Type.NEVER) return then;
        if (!then.equals(other)) {
            diags.error(i.otherwise().span(), "`if` and `else` have incompatible types: expected `" + then.display() + "`, found `" + other.display() + "`");
            return Type.ERROR;
        }
        return then;
    }

    private Type breakExpr(Expr.Break b) {
        LoopContext ctx = loops.peek();
        if (ctx == null) {
            diags.error(b.span(), "`break` outside of a loop");
            if (b.value() != null) check(b.value(), null);
            return Type.NEVER;
        }
        if (b.value() != null && !ctx.isLoop) {
            diags.error(b.span(), "`break` with a value is only allowed in `loop`, not in `while`");
            check(b.value(), null);
            return Type.NEVER;
        }
        Type value = b.value() == null ? Type.UNIT
                : ctx.breakType == null ? check(b.value(), null) : expect(b.value(), ctx.breakType);
        if (ctx.breakType == null || ctx.breakType == Type.NEVER) {
            ctx.breakType = value;
        } else if (b.value() == null && !ctx.breakType.accepts(Type.UNIT)) {
            mismatch(b.span(), ctx.breakType, Type.UNIT);
        }
        return Type.NEVER;
    }
}
