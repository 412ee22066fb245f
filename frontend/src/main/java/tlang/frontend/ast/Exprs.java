package tlang.frontend.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walking expression trees: the direct subexpressions of each kind of expression. */
public final class Exprs {
    private Exprs() {}

    /** The expressions directly inside {@code e} (statements' expressions included), in source order. */
    public static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        switch (e) {
            case Expr.Call c -> { out.add(c.callee()); out.addAll(c.args()); }
            case Expr.Cast c -> out.add(c.operand());
            case Expr.Tuple t -> out.addAll(t.elements());
            case Expr.Field f -> out.add(f.base());
            case Expr.MethodCall mc -> { out.add(mc.receiver()); out.addAll(mc.args()); }
            case Expr.StructLit sl -> sl.fields().forEach(fi -> out.add(fi.value()));
            case Expr.Unary u -> out.add(u.operand());
            case Expr.Binary b -> { out.add(b.left()); out.add(b.right()); }
            case Expr.Assign a -> { out.add(a.target()); out.add(a.value()); }
            case Expr.Block b -> {
                for (Stmt s : b.stmts()) {
                    switch (s) {
                        case Stmt.Let let -> out.add(let.init());
                        case Stmt.LetPattern lp -> out.add(lp.init());
                        case Stmt.ExprStmt es -> out.add(es.expr());
                    }
                }
                out.add(b.tail());
            }
            case Expr.If i -> { out.add(i.cond()); out.add(i.then()); out.add(i.otherwise()); }
            case Expr.While w -> { out.add(w.cond()); out.add(w.body()); }
            case Expr.Loop l -> out.add(l.body());
            case Expr.For f -> { out.add(f.iterable()); out.add(f.body()); }
            case Expr.Range r -> { out.add(r.start()); out.add(r.end()); }
            case Expr.Match m -> {
                out.add(m.scrutinee());
                for (Expr.Arm arm : m.arms()) { out.add(arm.guard()); out.add(arm.body()); }
            }
            case Expr.IfLet il -> { out.add(il.value()); out.add(il.then()); out.add(il.otherwise()); }
            case Expr.WhileLet wl -> { out.add(wl.value()); out.add(wl.body()); }
            case Expr.Break b -> out.add(b.value());
            case Expr.Return r -> out.add(r.value());
            case Expr.ArrayLit a -> out.addAll(a.elements());
            case Expr.ArrayRepeat r -> { out.add(r.value()); out.add(r.count()); }
            case Expr.Index ix -> { out.add(ix.base()); out.add(ix.index()); }
            case Expr.Ref r -> out.add(r.operand());
            case Expr.Try t -> out.add(t.operand());
            case Expr.Move m -> out.add(m.operand());
            case Expr.Unsafe u -> out.add(u.block());
            case Expr.Closure c -> out.add(c.body());
            case Expr.IntLit x -> {}
            case Expr.FloatLit x -> {}
            case Expr.CharLit x -> {}
            case Expr.BoolLit x -> {}
            case Expr.StrLit x -> {}
            case Expr.Unit x -> {}
            case Expr.Path x -> {}
            case Expr.Continue x -> {}
            case Expr.Error x -> {}
        }
        out.removeIf(x -> x == null);
        return out;
    }

    /** Calls {@code visit} on {@code e} and every expression inside it, outer first. */
    public static void forEach(Expr e, Consumer<Expr> visit) {
        if (e == null) return;
        visit.accept(e);
        for (Expr child : children(e)) forEach(child, visit);
    }
}
