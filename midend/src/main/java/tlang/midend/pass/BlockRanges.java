package tlang.midend.pass;

import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What {@link RangeAnalysis} knows inside one block, instruction by instruction: the range
 * of every integer temp and of the tracked variables (private integer slots, integer
 * parameters), from the block's entry state through each instruction, and on the way out
 * the state on each edge, narrowed by the branch condition.
 *
 * <p>Besides ranges it keeps equalities, because temps die with their block while a fact
 * learnt about one (an index passed its bounds check, a comparison held on the edge taken)
 * holds for every slot that still contains the same number. Each temp has a canonical
 * value (itself, another temp or a parameter): a load makes the temp equal to what the
 * slot holds, a cast that keeps the number and a field extracted from a struct built here
 * are the same number. Each slot remembers the canonical value it holds until the next
 * store to it. Nothing else writes a tracked slot: its address is only loaded from and
 * stored to, never passed on.
 *
 * <p>Every fact is one the instructions guarantee on every execution that reaches them
 * from a state inside the entry ranges; a contradiction (code that cannot run) leaves
 * the ranges as they were rather than proving anything from it.
 */
final class BlockRanges {
    private final RangeAnalysis.Variables variables;
    private final Interval[] state;
    /** For each variable, the canonical value its slot holds now, or null (not known in this block). */
    private final Value[] holds;
    private final Map<Integer, Interval> temps = new HashMap<>();
    private final Map<Integer, Value> canonical = new HashMap<>();
    private final Map<Integer, Inst.Compare> compares = new HashMap<>();
    private final Map<Integer, Value> negations = new HashMap<>();
    private final Map<Integer, Inst.MakeStruct> structs = new HashMap<>();
    /** For each private bool slot written here, the value last stored: a temp of this block or a constant. */
    private final Map<Integer, Value> conditions = new HashMap<>();

    /** The state on an edge to block {@code target}. */
    record Edge(int target, Interval[] state) {}

    BlockRanges(RangeAnalysis.Variables variables, Interval[] entry) {
        this.variables = variables;
        this.state = entry.clone();
        this.holds = new Value[entry.length];
    }

    /** The range of an integer operand at this point; null for values of other types. */
    Interval range(Value v) {
        if (!(v.type() instanceof TirType.Int t)) return null;
        Interval r = switch (v) {
            case Value.IntConst c -> Interval.of(c, t);
            case Value.ZeroConst z -> Interval.point(0);
            case Value.Temp x -> known(canonical(x));
            case Value.Param p -> known(p);
            default -> null;
        };
        return r != null ? r : Interval.of(t);
    }

    /**
     * Whether {@code inst}, about to run here, is a check that cannot fail: arithmetic whose
     * exact result lies inside its type, a shift by less than the width, an index inside
     * the array. Divisions keep theirs (the backend emits none for a constant divisor
     * anyway, and needs the location for the others).
     */
    boolean cannotFail(Inst inst) {
        return switch (inst) {
            case Inst.IntArith a when a.trap() != null && a.result().type() instanceof TirType.Int t -> switch (a.op()) {
                case ADD, SUB, NEG, MUL -> {
                    Interval exact = exact(a, t);
                    yield exact != null && Interval.of(t).contains(exact);
                }
                case SHL, SHR -> {
                    Interval amount = range(a.right());
                    yield amount != null && amount.within(0, t.bits() - 1);
                }
                default -> false;
            };
            case Inst.ElementAddr ea when ea.check() != null -> {
                Interval index = range(ea.index());
                yield index != null && ea.type().length() > 0 && index.within(0, ea.type().length() - 1);
            }
            default -> false;
        };
    }

    /** Applies the effect of {@code inst} on what is known. */
    void step(Inst inst) {
        switch (inst) {
            case Inst.Load l -> load(l);
            case Inst.Store s -> store(s);
            case Inst.IntArith a -> {
                Interval r = arithmetic(a);
                if (r != null) temps.put(a.result().id(), r);
            }
            case Inst.Cast c -> cast(c);
            case Inst.Compare c -> compares.put(c.result().id(), c);
            case Inst.Not n -> { if (n.operand().type() == TirType.BOOL) negations.put(n.result().id(), n.operand()); }
            case Inst.MakeStruct m -> structs.put(m.result().id(), m);
            case Inst.ExtractField x -> extract(x);
            case Inst.Select s -> {
                Interval a = range(s.ifTrue()), b = range(s.ifFalse());
                if (a != null && b != null) temps.put(s.result().id(), a.join(b));
            }
            case Inst.ElementAddr ea -> {
                // Past a bounds check, the index is inside the array.
                Value k = canonical(ea.index());
                if (ea.check() != null && k != null && ea.type().length() > 0) {
                    narrowHere(k, new Interval(BigInteger.ZERO, BigInteger.valueOf(ea.type().length() - 1)));
                }
            }
            case Inst.Intrinsic in -> {
                boolean count = in.op() == Inst.IntrinsicOp.CTPOP || in.op() == Inst.IntrinsicOp.CTLZ || in.op() == Inst.IntrinsicOp.CTTZ;
                if (count && in.result() != null && in.result().type() instanceof TirType.Int t) {
                    temps.put(in.result().id(), new Interval(BigInteger.ZERO, BigInteger.valueOf(t.bits())));
                }
            }
            default -> {}
        }
    }

    /**
     * The state on each edge out of the block, after its last instruction; no edge the
     * condition rules out. An edge into a block that only branches on a bool slot
     * ({@code tests}: how `&&` and `||` join their halves) goes on through it, to the target
     * the slot's value chooses, when this block knows what it stored there: the comparison
     * it stored then holds on the one way and fails on the other.
     */
    List<Edge> edges(Terminator t, IntFunction<RangeAnalysis.Test> tests) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges(t)) {
            RangeAnalysis.Test test = tests.apply(e.target());
            Value stored = test == null ? null : conditions.get(test.slot());
            if (stored == null) {
                out.add(e);
                continue;
            }
            // On an edge of a branch on the stored condition itself, its value is known:
            // the `&&` whose first half failed goes straight to the else side.
            Boolean known = t instanceof Terminator.Branch br && br.ifTrue() != br.ifFalse() ? sameCondition(stored, br.condition()) : null;
            if (known != null) {
                boolean taken = known == (e.target() == ((Terminator.Branch) t).ifTrue());
                out.add(new Edge(taken ? test.ifTrue() : test.ifFalse(), e.state()));
                continue;
            }
            Interval[] yes = assume(e.state(), stored, true, 0), no = assume(e.state(), stored, false, 0);
            if (yes != null) out.add(new Edge(test.ifTrue(), yes));
            if (no != null) out.add(new Edge(test.ifFalse(), no));
        }
        return out;
    }

    /**
     * Whether bool {@code a} is {@code b} (true) or its negation (false), as far as
     * {@link Inst.Not}s show; null when that is not known.
     */
    private Boolean sameCondition(Value a, Value b) {
        Value x = a, y = b;
        boolean flipped = false;
        for (int i = 0; i < 16 && canonical(x) instanceof Value.Temp t && negations.containsKey(t.id()); i++) {
            x = negations.get(t.id());
            flipped = !flipped;
        }
        for (int i = 0; i < 16 && canonical(y) instanceof Value.Temp t && negations.containsKey(t.id()); i++) {
            y = negations.get(t.id());
            flipped = !flipped;
        }
        Value kx = canonical(x), ky = canonical(y);
        return kx != null && kx.equals(ky) ? !flipped : null;
    }

    private List<Edge> edges(Terminator t) {
        List<Edge> out = new ArrayList<>();
        switch (t) {
            case Terminator.Jump j -> out.add(new Edge(j.target(), state.clone()));
            case Terminator.Branch br when br.ifTrue() == br.ifFalse() -> out.add(new Edge(br.ifTrue(), state.clone()));
            case Terminator.Branch br -> {
                Interval[] yes = assume(state, br.condition(), true, 0), no = assume(state, br.condition(), false, 0);
                if (yes != null) out.add(new Edge(br.ifTrue(), yes));
                if (no != null) out.add(new Edge(br.ifFalse(), no));
            }
            case null, default -> {}
        }
        return out;
    }

    // ---- instructions

    private void load(Inst.Load l) {
        int var = variable(l.slot(), l.type());
        if (var < 0) return; // memory nobody tracks: the type's whole range
        Value held = holds[var];
        if (held != null) {
            canonical.put(l.result().id(), held);
            narrowHere(held, state[var]);
        } else {
            temps.put(l.result().id(), state[var]);
            holds[var] = l.result();
        }
    }

    private void store(Inst.Store s) {
        if (s.slot() instanceof Value.Temp slot && variables.condition(slot.id())) {
            Value v = s.value() instanceof Value.BoolConst ? s.value() : canonical(s.value());
            if (v != null && s.value().type() == TirType.BOOL) conditions.put(slot.id(), v);
            else conditions.remove(slot.id());
            return;
        }
        int var = variable(s.slot(), s.value().type());
        if (var < 0) return; // cannot write a tracked slot: their addresses are never passed on
        state[var] = range(s.value());
        holds[var] = canonical(s.value());
    }

    /** The range of an arithmetic result, where it continues (a checked operation that overflows does not). */
    private Interval arithmetic(Inst.IntArith a) {
        if (!(a.result().type() instanceof TirType.Int t)) return null;
        Interval whole = Interval.of(t), exact = exact(a, t);
        if (exact == null) return whole;
        if (whole.contains(exact)) return exact;
        boolean trapsOutside = a.trap() != null && switch (a.op()) {
            case ADD, SUB, NEG, MUL, DIV -> true;
            default -> false;
        };
        // Past a checked operation its result did not overflow; a wrapping one may be anything.
        Interval inside = trapsOutside ? exact.meet(whole) : null;
        return inside != null ? inside : whole;
    }

    /**
     * The exact (unbounded) range of an operation's result over its operands' ranges, as
     * far as it is known; null when it is not. For division and the remainder: of the
     * executions whose divisor is not zero (the others trap); for shifts: when the amount
     * is below the width.
     */
    private Interval exact(Inst.IntArith a, TirType.Int t) {
        Interval l = range(a.left()), r = range(a.right());
        if (l == null || r == null) return null;
        boolean sameTypes = a.left().type().equals(t) && (a.right().type().equals(t) || a.op() == Inst.ArithOp.SHL || a.op() == Inst.ArithOp.SHR);
        if (!sameTypes) return null;
        return switch (a.op()) {
            case ADD -> l.add(r);
            case SUB, NEG -> l.subtract(r);
            case MUL -> l.multiply(r);
            case DIV -> {
                if (a.trap() == null) yield null;
                Interval negative = r.atMost(BigInteger.ONE.negate()), positive = r.atLeast(BigInteger.ONE);
                Interval q1 = negative == null ? null : l.divide(negative), q2 = positive == null ? null : l.divide(positive);
                yield q1 == null ? q2 : q2 == null ? q1 : q1.join(q2);
            }
            case REM -> a.trap() == null ? null : l.remainder(r);
            case AND -> l.and(r);
            case OR, XOR -> l.orXor(r);
            case SHL -> r.within(0, t.bits() - 1) ? l.shiftLeft(r) : null;
            case SHR -> r.within(0, t.bits() - 1) ? l.shiftRight(r) : null;
        };
    }

    private void cast(Inst.Cast c) {
        if (!(c.result().type() instanceof TirType.Int to)) return;
        Value operand = c.operand();
        if (operand.type() == TirType.BOOL) {
            temps.put(c.result().id(), new Interval(BigInteger.ZERO, BigInteger.ONE));
            return;
        }
        if (!(operand.type() instanceof TirType.Int)) return; // from a float: saturates, anything in the type
        Interval r = range(operand);
        if (!Interval.of(to).contains(r)) return; // truncated or reinterpreted: anything in the type
        // Every value it may have fits: the cast keeps the number itself.
        Value k = canonical(operand);
        if (k != null) canonical.put(c.result().id(), k);
        else temps.put(c.result().id(), r);
    }

    private void extract(Inst.ExtractField x) {
        Value aggregate = canonical(x.aggregate());
        Inst.MakeStruct m = aggregate instanceof Value.Temp t ? structs.get(t.id()) : null;
        if (m == null || x.index() < 0 || x.index() >= m.fields().size()) return;
        Value field = m.fields().get(x.index());
        if (!field.type().equals(x.result().type())) return;
        Value k = canonical(field);
        if (k != null) canonical.put(x.result().id(), k);
        else {
            Interval r = range(field);
            if (r != null) temps.put(x.result().id(), r);
        }
    }

    // ---- conditions

    /** {@code from} narrowed by {@code condition} being {@code value}; null when it cannot be. */
    private Interval[] assume(Interval[] from, Value condition, boolean value, int depth) {
        if (condition instanceof Value.BoolConst c) return c.value() == value ? from.clone() : null;
        if (canonical(condition) instanceof Value.Temp t && depth < 16) {
            Value negated = negations.get(t.id());
            if (negated != null) return assume(from, negated, !value, depth + 1);
            Inst.Compare c = compares.get(t.id());
            if (c != null) return compare(from, c, value ? c.op() : negate(c.op()));
        }
        return from.clone();
    }

    private static Inst.CmpOp negate(Inst.CmpOp op) {
        return switch (op) {
            case EQ -> Inst.CmpOp.NE; case NE -> Inst.CmpOp.EQ;
            case LT -> Inst.CmpOp.GE; case GE -> Inst.CmpOp.LT;
            case GT -> Inst.CmpOp.LE; case LE -> Inst.CmpOp.GT;
        };
    }

    /** {@code from} where {@code left op right} holds (integers); null when it cannot. */
    private Interval[] compare(Interval[] from, Inst.Compare c, Inst.CmpOp op) {
        Interval[] out = from.clone();
        Interval l = range(c.left()), r = range(c.right());
        if (l == null || r == null || !c.left().type().equals(c.right().type())) return out; // not integers
        BigInteger one = BigInteger.ONE;
        Interval nl, nr;
        switch (op) {
            case LT -> { nl = l.atMost(r.hi().subtract(one)); nr = r.atLeast(l.lo().add(one)); }
            case LE -> { nl = l.atMost(r.hi()); nr = r.atLeast(l.lo()); }
            case GT -> { nl = l.atLeast(r.lo().add(one)); nr = r.atMost(l.hi().subtract(one)); }
            case GE -> { nl = l.atLeast(r.lo()); nr = r.atMost(l.hi()); }
            case EQ -> { nl = l.meet(r); nr = nl; }
            default -> { nl = excluding(l, r); nr = excluding(r, l); }
        }
        if (nl == null || nr == null) return null;
        Value kl = canonical(c.left()), kr = canonical(c.right());
        if (kl != null && !narrow(out, kl, nl)) return null;
        if (kr != null && !narrow(out, kr, nr)) return null;
        return out;
    }

    /** {@code a} without the one value of {@code b}, when that is an end of {@code a}; null when nothing is left. */
    private static Interval excluding(Interval a, Interval b) {
        if (!b.isPoint()) return a;
        BigInteger v = b.lo();
        if (a.isPoint()) return a.lo().equals(v) ? null : a;
        if (a.lo().equals(v)) return new Interval(v.add(BigInteger.ONE), a.hi());
        if (a.hi().equals(v)) return new Interval(a.lo(), v.subtract(BigInteger.ONE));
        return a;
    }

    // ---- equalities

    /** The canonical value equal to {@code v}: a temp or a parameter; null for constants and other values. */
    private Value canonical(Value v) {
        return switch (v) {
            case Value.Temp t -> canonical.getOrDefault(t.id(), t);
            case Value.Param p -> p;
            default -> null;
        };
    }

    /** The range of a canonical value; null when it is not an integer. */
    private Interval known(Value k) {
        if (k == null) return null;
        if (k instanceof Value.Param p && variables.param(p) >= 0) return state[variables.param(p)];
        if (k instanceof Value.Temp t && temps.containsKey(t.id())) return temps.get(t.id());
        return k.type() instanceof TirType.Int t ? Interval.of(t) : null;
    }

    /**
     * Narrows canonical value {@code k} to {@code r} in {@code target} (the state here, or an
     * edge's copy): its parameter's variable and every slot holding it. False, with
     * {@code target} unchanged, on a contradiction.
     */
    private boolean narrow(Interval[] target, Value k, Interval r) {
        int param = k instanceof Value.Param p ? variables.param(p) : -1;
        if (param >= 0 && target[param].meet(r) == null) return false;
        for (int v = 0; v < holds.length; v++) if (k.equals(holds[v]) && target[v].meet(r) == null) return false;
        if (param >= 0) target[param] = target[param].meet(r);
        for (int v = 0; v < holds.length; v++) if (k.equals(holds[v])) target[v] = target[v].meet(r);
        return true;
    }

    /** Narrows canonical value {@code k} to {@code r} from here on; a contradiction changes nothing. */
    private void narrowHere(Value k, Interval r) {
        Interval now = known(k);
        Interval m = now == null ? null : now.meet(r);
        if (m == null || !narrow(state, k, m)) return;
        if (k instanceof Value.Temp t) temps.put(t.id(), m);
    }

    /** The variable of a tracked slot at {@code address} holding values of {@code type}, or -1. */
    private int variable(Value address, TirType type) {
        if (!(address instanceof Value.Temp t)) return -1;
        int var = variables.slot(t.id());
        return var >= 0 && variables.type(var).equals(type) ? var : -1;
    }
}
