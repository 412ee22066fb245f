package tlang.frontend.check;

import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
import tlang.frontend.ast.Pattern;
import tlang.frontend.ast.Stmt;
import tlang.frontend.types.Type;

import java.util.List;
import java.util.Map;

/**
 * The result of checking a module without errors: the tree plus the facts the checker
 * established about it, keyed by node identity. The midend lowers from this.
 */
public record CheckedProgram(
        Module module,
        List<Symbol.Function> functions,
        Symbol.Function main,
        Map<Expr, Type> types,
        Map<Expr.Path, Symbol> resolutions,
        Map<Stmt.Let, Symbol.Local> lets,
        Map<Item.Fn, List<Symbol.Local>> params,
        Map<Expr.Call, Format> formats,
        Map<Expr.MethodCall, Symbol.Function> methodTargets,
        Map<Expr.MethodCall, BuiltinMethod> builtinMethods,
        Map<Expr.For, Symbol.Local> forVariables,
        Map<Pattern.Binding, Symbol.Local> patternBindings,
        Map<Pattern, Symbol> patternTargets,
        Map<Expr, List<Type>> instantiations,
        TraitEnv traits,
        Map<Expr, Symbol.Function> overloads,
        Map<Expr.Closure, Closure> closures,
        Map<Expr, Type.Closure> fnCoercions,
        /** Ids of the locals some `move` hands over: they need a drop flag. */
        java.util.Set<Integer> movedLocals,
        /** Overloaded `c[i]` changed in place: the `IndexPlace::index_place` that gives its address. */
        Map<Expr.Index, Symbol.Function> indexPlaces) {

    /**
     * What lowering a closure needs: its parameters, the variables it captures (copied into
     * the closure value when it is created, in this order), and the function it is written
     * in (whose type parameters its types may mention).
     */
    public record Closure(List<Symbol.Local> params, List<Symbol.Local> captures, Symbol.Function enclosing) {}

    /**
     * A checked format call. {@code args} are evaluated once each, in order — the call's
     * arguments after the format string, then the variables named inline (`{x}`) — and
     * the parts then print them in the order the format string gives.
     */
    public record Format(List<Expr> args, List<FormatPart> parts) {}

    /** A piece of a format string: literal text, or the argument at {@code index} of the Format. */
    public sealed interface FormatPart {
        record Text(String text) implements FormatPart {}
        record Arg(int index, Type type, FormatSpec spec) implements FormatPart {}
    }

    public Type typeOf(Expr e) {
        Type t = types.get(e);
        if (t == null) throw new IllegalStateException("no type recorded for " + e.getClass().getSimpleName() + " at " + e.span());
        return t;
    }
}
