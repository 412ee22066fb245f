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
 * holds for every slot that still contains the same number — or that number plus a
 * constant. Each integer value is a canonical <em>base</em> (a temp, a parameter, or a
 * variable's content as the block starts) plus an offset: a load gives the temp what the
 * slot holds; `x + 1` is x's base plus one when it cannot wrap; a cast that keeps the number
 * and a field extracted from a struct built here are the number itself. Each slot
 * remembers what it holds until the next store to it; nothing else writes a tracked slot,
 * whose address is only loaded from and stored to. Narrowing a base narrows every value
 * and slot made of it. Slots holding the same base when the block ends leave as relations
 * of the next state ({@link RangeState}), and come back as a shared base in the next block.
 *
 * <p>Every fact is one the instructions guarantee on every execution that reaches them
 * from a state inside the entry ranges; a contradiction (code that cannot run) leaves
 * the ranges as they were rather than proving anything from it.
 */
final class BlockRanges {
    /** A value: canonical {@code base} plus {@code offset}. */
    private record Affine(Value base, BigInteger offset) {
        Affine plus(BigInteger c) { return new Affine(base, offset.add(c)); }
    }

    private final RangeAnalysis.Variables variables;
    private final Interval[] state;
    /** For each variable, what its slot holds now, or null (not known in this block). */
    private final Affine[] holds;
    /** The ranges of bases that are temps (a variable's content on entry is temp -1 - variable). */
    private final Map<Integer, Interval> temps = new HashMap<>();
    private final Map<Integer, Affine> canonical = new HashMap<>();
    private final Map<Integer, Inst.Compare> compares = new HashMap<>();
    private final Map<Integer, Value> negations = new HashMap<>();
    private final Map<Integer, Inst.MakeStruct> structs = new HashMap<>();
    /** For each private bool slot written here, the value last stored: a temp of this block or a constant. */
    private final Map<Integer, Value> conditions = new HashMap<>();
    /** The relations the block leaves, once asked for. */
    private RangeState relations;

    /** The state on an edge to block {@code target}. */
    record Edge(int target, RangeState state) {}

    BlockRanges(RangeAnalysis.Variables variables, RangeState entry) {
        this.variables = variables;
        this.state = entry.ranges.clone();
        this.holds = new Affine[state.length];
        // Each group of related variables shares one base: its representative's content
        // as the block starts (a parameter stands for itself).
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int v = 0; v < state.length; v++) if (entry.base(v) >= 0) groups.computeIfAbsent(entry.base(v), k -> new ArrayList<>()).add(v);
        for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
            int rep = g.getKey();
            Value.Param param = variables.paramOf(rep);
            Value base = param != null ? param : new Value.Temp(-1 - rep, variables.type(rep));
            Interval r = state[rep];
            for (int m : g.getValue()) {
                Interval both = r.meet(state[m].shift(entry.offset(m).negate()));
                if (both != null) r = both;
            }
            state[rep] = r;
            if (param == null) {
                temps.put(-1 - rep, r);
                holds[rep] = new Affine(base, BigInteger.ZERO);
            }
            for (int m : g.getValue()) {
                holds[m] = new Affine(base, entry.offset(m));
                Interval shifted = state[m].meet(r.shift(entry.offset(m)));
                if (shifted != null) state[m] = shifted;
            }
        }
    }

    /** The range of an integer operand at this point; null for values of other types. */
    Interval range(Value v) {
        if (!(v.type() instanceof TirType.Int t) || !Interval.known(t)) return null;
        Interval whole = Interval.of(t);
        Interval r = switch (v) {
            case Value.IntConst c -> Interval.of(c, t);
            case Value.ZeroConst z -> Interval.point(0);
            case Value.Temp x -> known(canonical(x));
            case Value.Param p -> known(canonical(p));
            default -> null;
        };
        Interval inside = r == null ? null : r.meet(whole);
        return inside != null ? inside : whole;
    }

    /**
     * Whether {@code inst}, about to run here, is a check that cannot fail: arithmetic whose
     * exact result lies inside its type, a shift by less than the width, an index inside
     * the array. Divisions keep theirs (the backend emits none for a constant divisor
     * anyway, and needs the location for the others).
     */
    boolean cannotFail(Inst inst) {
        return switch (inst) {
            case Inst.IntArith a when a.trap() != null && a.result().type() instanceof TirType.Int t && Interval.known(t) -> switch (a.op()) {
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
            case Inst.IntArith a -> arithmetic(a);
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
                Affine index = canonical(ea.index());
                if (ea.check() != null && index != null && ea.type().length() > 0) {
                    narrowHere(index, new Interval(BigInteger.ZERO, BigInteger.valueOf(ea.type().length() - 1)));
                }
            }
            case Inst.Intrinsic in -> {
                boolean count = in.op() == Inst.IntrinsicOp.CTPOP || in.op() == Inst.IntrinsicOp.CTLZ || in.op() == Inst.IntrinsicOp.CTTZ;
                if (count && in.result() != null && in.result().type() instanceof TirType.Int t && Interval.known(t)) {
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
            Interval[] yes = assume(e.state().ranges, stored, true, 0), no = assume(e.state().ranges, stored, false, 0);
            if (yes != null) out.add(new Edge(test.ifTrue(), e.state().withRanges(yes)));
            if (no != null) out.add(new Edge(test.ifFalse(), e.state().withRanges(no)));
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
        for (int i = 0; i < 16 && identity(x) instanceof Value.Temp t && negations.containsKey(t.id()); i++) {
            x = negations.get(t.id());
            flipped = !flipped;
        }
        for (int i = 0; i < 16 && identity(y) instanceof Value.Temp t && negations.containsKey(t.id()); i++) {
            y = negations.get(t.id());
            flipped = !flipped;
        }
        Value kx = identity(x), ky = identity(y);
        return kx != null && kx.equals(ky) ? !flipped : null;
    }

    private List<Edge> edges(Terminator t) {
        List<Edge> out = new ArrayList<>();
        switch (t) {
            case Terminator.Jump j -> out.add(new Edge(j.target(), leaving(state.clone())));
            case Terminator.Branch br when br.ifTrue() == br.ifFalse() -> out.add(new Edge(br.ifTrue(), leaving(state.clone())));
            case Terminator.Branch br -> {
                Interval[] yes = assume(state, br.condition(), true, 0), no = assume(state, br.condition(), false, 0);
                if (yes != null) out.add(new Edge(br.ifTrue(), leaving(yes)));
                if (no != null) out.add(new Edge(br.ifFalse(), leaving(no)));
            }
            case null, default -> {}
        }
        return out;
    }

    /**
     * The state leaving with {@code ranges}: related are the slots holding one base (each to
     * the first of them, or to the parameter that is the base).
     */
    private RangeState leaving(Interval[] ranges) {
        if (relations == null) {
            int[] base = new int[holds.length];
            BigInteger[] offset = new BigInteger[holds.length];
            Map<Value, Integer> representative = new HashMap<>();
            for (int v = 0; v < holds.length; v++) {
                base[v] = -1;
                Affine h = holds[v];
                if (h == null) continue;
                Integer rep = representative.get(h.base());
                if (rep == null) {
                    int param = h.base() instanceof Value.Param p ? variables.param(p) : -1;
                    if (param < 0) {
                        representative.put(h.base(), v);
                        continue;
                    }
                    rep = param;
                    representative.put(h.base(), rep);
                }
                base[v] = rep;
                offset[v] = holds[rep] == null ? h.offset() : h.offset().subtract(holds[rep].offset());
            }
            relations = new RangeState(state, base, offset);
        }
        return relations.withRanges(ranges);
    }

    // ---- instructions

    private void load(Inst.Load l) {
        int var = variable(l.slot(), l.type());
        if (var < 0) return; // memory nobody tracks: the type's whole range
        Affine held = holds[var];
        if (held != null) {
            canonical.put(l.result().id(), held);
            narrowHere(held, state[var]);
        } else {
            temps.put(l.result().id(), state[var]);
            holds[var] = new Affine(l.result(), BigInteger.ZERO);
        }
    }

    private void store(Inst.Store s) {
        if (s.slot() instanceof Value.Temp slot && variables.condition(slot.id())) {
            Value v = s.value() instanceof Value.BoolConst ? s.value() : identity(s.value());
            if (v != null && s.value().type() == TirType.BOOL) conditions.put(slot.id(), v);
            else conditions.remove(slot.id());
            return;
        }
        int var = variable(s.slot(), s.value().type());
        if (var < 0) return; // cannot write a tracked slot: their addresses are never passed on
        state[var] = range(s.value());
        holds[var] = canonical(s.value());
    }

    private void arithmetic(Inst.IntArith a) {
        if (!(a.result().type() instanceof TirType.Int t) || !Interval.known(t)) return;
        Affine shifted = shifted(a, t);
        if (shifted == null) {
            temps.put(a.result().id(), result(a, t));
            return;
        }
        canonical.put(a.result().id(), shifted);
        // Past a checked x + c, the sum is inside the type: x is at most MAX - c.
        if (a.trap() != null) narrowHere(shifted, Interval.of(t));
    }

    /**
     * {@code x + c} or {@code x - c} as x's base plus an offset, when it is the exact sum on
     * every execution that goes on: checked (an overflow traps), or unable to wrap.
     */
    private Affine shifted(Inst.IntArith a, TirType.Int t) {
        if ((a.op() != Inst.ArithOp.ADD && a.op() != Inst.ArithOp.SUB) || !a.left().type().equals(t) || !a.right().type().equals(t)) return null;
        Value variable = a.right() instanceof Value.IntConst ? a.left() : a.op() == Inst.ArithOp.ADD && a.left() instanceof Value.IntConst ? a.right() : null;
        Value constant = variable == a.left() ? a.right() : a.left();
        Affine x = variable == null ? null : canonical(variable);
        if (x == null || !(constant instanceof Value.IntConst c)) return null;
        if (a.trap() == null) {
            Interval exact = exact(a, t);
            if (exact == null || !Interval.of(t).contains(exact)) return null;
        }
        BigInteger k = ConstantFold.value(c.value(), t);
        return x.plus(a.op() == Inst.ArithOp.ADD ? k : k.negate());
    }

    /** The range of an arithmetic result, where it continues (a checked operation that overflows does not). */
    private Interval result(Inst.IntArith a, TirType.Int t) {
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
        if (!(c.result().type() instanceof TirType.Int to) || !Interval.known(to)) return;
        Value operand = c.operand();
        if (operand.type() == TirType.BOOL) {
            temps.put(c.result().id(), new Interval(BigInteger.ZERO, BigInteger.ONE));
            return;
        }
        if (!(operand.type() instanceof TirType.Int)) return; // from a float: saturates, anything in the type
        Interval r = range(operand);
        if (!Interval.of(to).contains(r)) return; // truncated or reinterpreted: anything in the type
        // Every value it may have fits: the cast keeps the number itself.
        Affine k = canonical(operand);
        if (k != null) canonical.put(c.result().id(), k);
        else temps.put(c.result().id(), r);
    }

    private void extract(Inst.ExtractField x) {
        Inst.MakeStruct m = identity(x.aggregate()) instanceof Value.Temp t ? structs.get(t.id()) : null;
        if (m == null || x.index() < 0 || x.index() >= m.fields().size()) return;
        Value field = m.fields().get(x.index());
        if (!field.type().equals(x.result().type())) return;
        Affine k = canonical(field);
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
        if (identity(condition) instanceof Value.Temp t && depth < 16) {
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
        Affine kl = canonical(c.left()), kr = canonical(c.right());
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

    /** What {@code v} is: a base plus an offset; null for constants and values that are not temps or parameters. */
    private Affine canonical(Value v) {
        return switch (v) {
            case Value.Temp t -> canonical.getOrDefault(t.id(), new Affine(t, BigInteger.ZERO));
            case Value.Param p -> new Affine(p, BigInteger.ZERO);
            default -> null;
        };
    }

    /** The value {@code v} is itself (a temp or parameter it was loaded, cast or extracted from), or null. */
    private Value identity(Value v) {
        Affine a = canonical(v);
        return a != null && a.offset().signum() == 0 ? a.base() : null;
    }

    /** The range of a value; null when it is not an integer. */
    private Interval known(Affine a) {
        Interval base = knownBase(a.base());
        return base == null ? null : base.shift(a.offset());
    }

    private Interval knownBase(Value base) {
        if (base instanceof Value.Param p && variables.param(p) >= 0) return state[variables.param(p)];
        if (base instanceof Value.Temp t && temps.containsKey(t.id())) return temps.get(t.id());
        return base.type() instanceof TirType.Int t && Interval.known(t) ? Interval.of(t) : null;
    }

    /**
     * Narrows value {@code a} to {@code r} in {@code target} (the state here, or an edge's
     * copy): its base's parameter variable and every slot holding its base. False, with
     * {@code target} unchanged, on a contradiction.
     */
    private boolean narrow(Interval[] target, Affine a, Interval r) {
        Value base = a.base();
        Interval b = r.shift(a.offset().negate());
        int param = base instanceof Value.Param p ? variables.param(p) : -1;
        if (param >= 0 && target[param].meet(b) == null) return false;
        for (int v = 0; v < holds.length; v++) {
            if (holds[v] != null && holds[v].base().equals(base) && target[v].meet(b.shift(holds[v].offset())) == null) return false;
        }
        if (param >= 0) target[param] = target[param].meet(b);
        for (int v = 0; v < holds.length; v++) {
            if (holds[v] != null && holds[v].base().equals(base)) target[v] = target[v].meet(b.shift(holds[v].offset()));
        }
        return true;
    }

    /** Narrows value {@code a} to {@code r} from here on; a contradiction changes nothing. */
    private void narrowHere(Affine a, Interval r) {
        Interval now = known(a);
        Interval m = now == null ? null : now.meet(r);
        if (m == null || !narrow(state, a, m)) return;
        if (a.base() instanceof Value.Temp t) temps.put(t.id(), m.shift(a.offset().negate()));
    }

    /** The variable of a tracked slot at {@code address} holding values of {@code type}, or -1. */
    private int variable(Value address, TirType type) {
        if (!(address instanceof Value.Temp t)) return -1;
        int var = variables.slot(t.id());
        return var >= 0 && variables.type(var).equals(type) ? var : -1;
    }
}
