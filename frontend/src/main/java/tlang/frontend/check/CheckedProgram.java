package tlang.frontend.check;

import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Item;
import tlang.frontend.ast.Module;
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
        Map<Expr.Call, List<FormatPart>> formats) {

    /** A resolved piece of a format string: literal text or a value to display. */
    public sealed interface FormatPart {
        record Text(String text) implements FormatPart {}
        record Value(Expr expr, Type type) implements FormatPart {}
    }

    public Type typeOf(Expr e) {
        Type t = types.get(e);
        if (t == null) throw new IllegalStateException("no type recorded for " + e.getClass().getSimpleName() + " at " + e.span());
        return t;
    }
}
