package tlang.frontend.check;

import tlang.frontend.ast.Expr;
import tlang.frontend.ast.Pattern;
import tlang.frontend.ast.Stmt;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.source.Span;
import tlang.frontend.types.Type;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Use after `move`: a flow-sensitive walk of each function body, in evaluation order,
 * tracking which local variables may have been moved away on some path to each point.
 * Branches join by union (moved on either path counts), a loop body that moves something
 * is walked a second time from the join of its entry and its end, so that a move in one
 * iteration is seen by the next, and code after `return`, `break`,
 * `continue` or a panic is unreachable (its state joins nothing). Assigning a whole new
 * value to a variable makes it usable again.
 *
 * <p>It runs after type checking, on a program without errors, and also tells the
 * lowering which variables are ever moved: those get a drop flag.
 */
final class MoveChecker {
    private final Map<Expr.Path, Symbol> resolutions;
    private final Map<Expr, Type> types;
    private final Map<Expr.Closure, CheckedProgram.Closure> closures;
    private final Diagnostics diags;
    /** Ids of the locals some `move` names. */
    private final Set<Integer> moved = new HashSet<>();
    /** Moves reported already (a loop body is walked twice). */
    private final Set<Span> reported = new HashSet<>();

    /** What may be moved here: each local with the `move` that did it; null when unreachable. */
    private Map<Integer, Span> state = new HashMap<>();

    private record LoopStates(String label, List<Map<Integer, Span>> breaks, List<Map<Integer, Span>> continues) {}
    private final Deque<LoopStates> loops = new ArrayDeque<>();

    private final Map<Stmt.Let, Symbol.Local> lets;
    private final Map<Pattern.Binding, Symbol.Local> bindings;
    private final Map<Expr.For, Symbol.Local> forVariables;

    private MoveChecker(Map<Expr.Path, Symbol> resolutions, Map<Expr, Type> types, Map<Expr.Closure, CheckedProgram.Closure> closures, Diagnostics diags,
                        Map<Stmt.Let, Symbol.Local> lets, Map<Pattern.Binding, Symbol.Local> bindings, Map<Expr.For, Symbol.Local> forVariables) {
        this.lets = lets;
        this.bindings = bindings;
        this.forVariables = forVariables;
        this.resolutions = resolutions;
        this.types = types;
        this.closures = closures;
        this.diags = diags;
    }

    /** Checks every body; returns the ids of the locals that are moved somewhere. */
    static Set<Integer> check(List<Expr> bodies, Map<Expr.Path, Symbol> resolutions, Map<Expr, Type> types,
                              Map<Expr.Closure, CheckedProgram.Closure> closures, Diagnostics diags,
                              Map<Stmt.Let, Symbol.Local> lets, Map<Pattern.Binding, Symbol.Local> bindings, Map<Expr.For, Symbol.Local> forVariables) {
        MoveChecker c = new MoveChecker(resolutions, types, closures, diags, lets, bindings, forVariables);
        for (Expr body : bodies) {
            c.state = new HashMap<>();
            c.loops.clear();
            c.walk(body);
        }
        return Set.copyOf(c.moved);
    }

    private static Map<Integer, Span> join(Map<Integer, Span> a, Map<Integer, Span> b) {
        if (a == null) return b == null ? null : new HashMap<>(b);
        if (b == null) return new HashMap<>(a);
        Map<Integer, Span> r = new HashMap<>(a);
        b.forEach(r::putIfAbsent);
        return r;
    }

    private Map<Integer, Span> copy() {
        return state == null ? null : new HashMap<>(state);
    }

    /** A variable declared here is a new one each time (in a loop): not moved yet. */
    private void declared(Symbol.Local l) {
        if (state != null && l != null) state.remove(l.id());
    }

    private void declared(Pattern p) {
        switch (p) {
            case Pattern.Binding b -> { declared(bindings.get(b)); if (b.subpattern() != null) declared(b.subpattern()); }
            case Pattern.Tuple t -> t.elements().forEach(this::declared);
            case Pattern.TupleStruct t -> t.elements().forEach(this::declared);
            case Pattern.Struct st -> st.fields().forEach(f -> declared(f.pattern()));
            case Pattern.Or or -> or.alternatives().forEach(this::declared);
            default -> {}
        }
    }

    private void use(Expr.Path p) {
        if (state == null || !(resolutions.get(p) instanceof Symbol.Local l)) return;
        Span movedAt = state.get(l.id());
        if (movedAt != null && reported.add(p.span())) {
            diags.error(ErrorCode.E0382, p.span(), "use of moved value: `" + l.name() + "`",
                    "note: value moved at line " + movedAt.line() + ", column " + movedAt.column()
                            + (movedAt.start() >= p.span().start() || p.span().start() < movedAt.end() ? ", in an earlier iteration of the loop" : ""),
                    "help: copy it instead of moving it (remove the `move`), or give `" + l.name() + "` a new value before this use");
        }
    }

    private void walk(Expr e) {
        // Unreachable code (a null state) is walked too: its moves still need drop flags.
        if (e == null) return;
        switch (e) {
            case Expr.Path p -> use(p);
            case Expr.Move m -> {
                if (m.operand() instanceof Expr.Path p && resolutions.get(p) instanceof Symbol.Local l) {
                    use(p);
                    moved.add(l.id());
                    if (state != null) state.put(l.id(), m.span());
                } else {
                    walk(m.operand());
                }
            }
            case Expr.IntLit x -> {}
            case Expr.FloatLit x -> {}
            case Expr.CharLit x -> {}
            case Expr.BoolLit x -> {}
            case Expr.StrLit x -> {}
            case Expr.Unit x -> {}
            case Expr.Error x -> {}
            case Expr.Call c -> { walk(c.callee()); c.args().forEach(this::walk); }
            case Expr.Cast c -> walk(c.operand());
            case Expr.Tuple t -> t.elements().forEach(this::walk);
            case Expr.Field f -> walk(f.base());
            case Expr.MethodCall mc -> { walk(mc.receiver()); mc.args().forEach(this::walk); }
            case Expr.StructLit sl -> sl.fields().forEach(fi -> walk(fi.value()));
            case Expr.Unary u -> walk(u.operand());
            case Expr.Binary b -> {
                walk(b.left());
                if (b.op().isLogical()) {
                    Map<Integer, Span> skipped = copy();
                    walk(b.right());
                    state = join(state, skipped);
                } else {
                    walk(b.right());
                }
            }
            case Expr.Assign a -> {
                walk(a.value());
                if (a.op() == null && a.target() instanceof Expr.Path p && resolutions.get(p) instanceof Symbol.Local l) {
                    if (state != null) state.remove(l.id()); // a whole new value: usable again
                } else {
                    walk(a.target());
                }
            }
            case Expr.Block b -> {
                for (Stmt s : b.stmts()) {
                    switch (s) {
                        case Stmt.Let let -> { walk(let.init()); declared(lets.get(let)); }
                        case Stmt.LetPattern lp -> { walk(lp.init()); declared(lp.pattern()); }
                        case Stmt.ExprStmt es -> walk(es.expr());
                    }
                }
                walk(b.tail());
            }
            case Expr.If i -> {
                walk(i.cond());
                Map<Integer, Span> before = copy();
                walk(i.then());
                Map<Integer, Span> afterThen = state;
                state = before;
                walk(i.otherwise());
                state = join(afterThen, state);
            }
            case Expr.IfLet il -> {
                walk(il.value());
                Map<Integer, Span> before = copy();
                declared(il.pattern());
                walk(il.then());
                Map<Integer, Span> afterThen = state;
                state = before;
                walk(il.otherwise());
                state = join(afterThen, state);
            }
            case Expr.Match m -> {
                walk(m.scrutinee());
                Map<Integer, Span> before = copy();
                Map<Integer, Span> after = null;
                boolean any = false;
                for (Expr.Arm arm : m.arms()) {
                    state = before == null ? null : new HashMap<>(before);
                    declared(arm.pattern());
                    walk(arm.guard());
                    walk(arm.body());
                    after = any ? join(after, state) : state;
                    any = true;
                }
                state = any ? after : before;
            }
            case Expr.While w -> loop(w.label(), w.cond(), null, null, w.body(), true);
            case Expr.WhileLet wl -> loop(wl.label(), wl.value(), wl.pattern(), null, wl.body(), true);
            case Expr.For f -> { walk(f.iterable()); loop(f.label(), null, null, forVariables.get(f), f.body(), true); }
            case Expr.Loop l -> loop(l.label(), null, null, null, l.body(), false);
            case Expr.Break b -> {
                walk(b.value());
                LoopStates target = target(b.label());
                if (target != null) target.breaks().add(copy());
                state = null;
            }
            case Expr.Continue c -> {
                LoopStates target = target(c.label());
                if (target != null) target.continues().add(copy());
                state = null;
            }
            case Expr.Return r -> { walk(r.value()); state = null; }
            case Expr.Range r -> { walk(r.start()); walk(r.end()); }
            case Expr.ArrayLit a -> a.elements().forEach(this::walk);
            case Expr.ArrayRepeat r -> walk(r.value());
            case Expr.Index ix -> { walk(ix.base()); walk(ix.index()); }
            case Expr.Ref r -> walk(r.operand());
            case Expr.Try t -> walk(t.operand()); // the early return leaves; going on, the state is the same
            case Expr.Closure c -> closure(c);
            case Expr.Unsafe u -> walk(u.block());
        }
        if (state != null && types.get(e) == Type.NEVER) state = null; // a call that never returns
    }

    /**
     * A closure copies what it captures when it is made: each capture is a use here. Its
     * body is its own function: its locals start unmoved.
     */
    private void closure(Expr.Closure c) {
        CheckedProgram.Closure info = closures.get(c);
        if (state != null && info != null) {
            for (Symbol.Local captured : info.captures()) {
                Span movedAt = state.get(captured.id());
                if (movedAt != null && reported.add(c.span())) {
                    diags.error(ErrorCode.E0382, c.span(), "use of moved value: `" + captured.name() + "`, captured by this closure",
                            "note: value moved at line " + movedAt.line() + ", column " + movedAt.column(),
                            "help: a closure copies what it captures when it is made; move `" + captured.name() + "` after making the closure, or not at all");
                }
            }
        }
        Map<Integer, Span> outer = state;
        Deque<LoopStates> outerLoops = new ArrayDeque<>(loops);
        loops.clear();
        state = new HashMap<>();
        walk(c.body());
        loops.addAll(outerLoops);
        state = outer;
    }

    private LoopStates target(String label) {
        if (label == null) return loops.peek();
        for (LoopStates l : loops) if (label.equals(l.label())) return l;
        return null;
    }

    /**
     * A loop: the head ({@code cond}, evaluated before every iteration when present) and
     * the body are walked twice, the second time from the join of the entry and the end of
     * the first iteration (and its `continue`s), so that a move in one iteration is a use
     * after move in the next. Leaving: where the condition fails ({@code exitsAtHead}) and
     * every `break`.
     */
    private void loop(String label, Expr cond, Pattern pattern, Symbol.Local variable, Expr body, boolean exitsAtHead) {
        Map<Integer, Span> entry = copy();
        Map<Integer, Span> exit = null;
        for (int pass = 0; pass < 2; pass++) {
            LoopStates states = new LoopStates(label, new java.util.ArrayList<>(), new java.util.ArrayList<>());
            loops.push(states);
            walk(cond);
            if (exitsAtHead) exit = join(exit, state);
            if (pattern != null) declared(pattern);
            declared(variable);
            walk(body);
            loops.pop();
            Map<Integer, Span> end = state;
            for (Map<Integer, Span> c : states.continues()) end = join(end, c);
            for (Map<Integer, Span> b : states.breaks()) exit = join(exit, b);
            Map<Integer, Span> next = join(entry, end);
            boolean changed = next != null && (entry == null || !next.keySet().equals(entry.keySet()));
            state = next;
            if (exitsAtHead && pass == 1) exit = join(exit, state);
            // Walk again only when the body moved something: nested loops that move nothing
            // are walked once each, not 2^depth times.
            if (!changed) {
                if (exitsAtHead) exit = join(exit, state);
                break;
            }
            entry = next;
        }
        state = exit;
    }
}
