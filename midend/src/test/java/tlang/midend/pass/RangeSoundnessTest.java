package tlang.midend.pass;

import org.junit.jupiter.api.Test;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Inst.ArithOp;
import tlang.midend.tir.Inst.CmpOp;
import tlang.midend.tir.Location;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The soundness of range-check-elimination against an interpreter. Random functions over
 * integers of small and wide types, with loops, branches on comparisons, slots, casts,
 * struct fields, bounds-checked indices and conditions passed through a bool slot to a
 * block that only tests it (as `&&` does), run from many inputs (the ends of each type
 * among them); at every step the concrete values must lie in the ranges the analysis
 * claims there — every temp, every parameter on entry to a block — and no check the pass
 * removes may fail. A wrong range would be a silent wrong answer in a compiled program, so
 * this runs many thousands of executions. Seeded: a failure names its seed and prints the
 * function. Every deliberate slip tried in the analysis (an off-by-one in a comparison's
 * bound, a wrapped result taken as exact, a cast that truncates taken as keeping the
 * number, a stale slot equality, an edge's facts on the other edge, a forgotten join) fails
 * here within the first hundred seeds.
 */
class RangeSoundnessTest {
    private static final TirType.Int[] TYPES = {
        (TirType.Int) TirType.I8, (TirType.Int) TirType.U8, new TirType.Int(16, true), new TirType.Int(16, false),
        (TirType.Int) TirType.I64, (TirType.Int) TirType.U64,
    };
    private static final Location AT = new Location("r.t", 1, 1);
    /** {@code -Dtlang.range.functions=N} for a longer hunt (the seeds are 0 to N - 1). */
    private static final int FUNCTIONS = Integer.getInteger("tlang.range.functions", 600), INPUTS = 24, STEPS = 300;

    @Test
    void rangesHoldOnEveryExecution() {
        for (int seed = 0; seed < FUNCTIONS; seed++) {
            Random rnd = new Random(seed);
            Function original = new Generator(new Random(seed)).function();
            Function copy = new Generator(new Random(seed)).function();
            assertEquals(List.of(), TirVerifier.verify(module(original)), "seed " + seed);
            Function eliminated = new RangeCheckElimination().run(copy);
            assertEquals(List.of(), TirVerifier.verify(module(eliminated)), "seed " + seed);
            RangeAnalysis analysis = RangeAnalysis.of(original);
            for (int input = 0; input < INPUTS; input++) {
                BigInteger[] args = new BigInteger[original.params().size()];
                for (int p = 0; p < args.length; p++) args[p] = interesting(rnd, (TirType.Int) original.params().get(p));
                new Execution(original, eliminated, analysis, args, rnd, seed).run();
            }
        }
    }

    private static TirModule module(Function f) { return new TirModule("r", List.of(), List.of(f)); }

    private static BigInteger min(TirType.Int t) { return Interval.of(t).lo(); }

    private static BigInteger max(TirType.Int t) { return Interval.of(t).hi(); }

    /** A value of {@code t}, often one of its ends or near zero. */
    static BigInteger interesting(Random rnd, TirType.Int t) {
        BigInteger v = switch (rnd.nextInt(9)) {
            case 0 -> min(t);
            case 1 -> max(t);
            case 2 -> min(t).add(BigInteger.valueOf(rnd.nextInt(3)));
            case 3 -> max(t).subtract(BigInteger.valueOf(rnd.nextInt(3)));
            case 4, 5 -> BigInteger.valueOf(rnd.nextInt(40) - 8);
            default -> new BigInteger(t.bits(), rnd).add(min(t));
        };
        return v.max(min(t)).min(max(t));
    }

    /** Random well-formed TIR: a handful of blocks (loops among them), slots, arithmetic of every kind. */
    private static final class Generator {
        final Random rnd;
        final List<Block> blocks = new ArrayList<>();
        final List<TirType> params = new ArrayList<>();
        final List<Value.Temp> slots = new ArrayList<>();
        final List<TirType.Int> slotTypes = new ArrayList<>();
        Value.Temp array, condition;
        Value.Temp lastStored; // the condition this block last stored, for a branch on it (the `&&` shape)
        long length;
        int temps;
        List<Value> available; // the integer values usable in the current block

        Generator(Random rnd) { this.rnd = rnd; }

        TirType.Int anyType() { return TYPES[rnd.nextInt(TYPES.length)]; }

        Value.Temp temp(TirType t) { return new Value.Temp(temps++, t); }

        Function function() {
            int nParams = 1 + rnd.nextInt(2);
            for (int i = 0; i < nParams; i++) params.add(anyType());
            int n = 2 + rnd.nextInt(6);
            for (int i = 0; i < n; i++) blocks.add(new Block(i));
            Block entry = blocks.get(0);
            for (int i = 0; i < 4; i++) {
                TirType.Int t = anyType();
                Value.Temp s = temp(TirType.PTR);
                entry.insts.add(new Inst.Slot(s, t, "s" + i));
                slots.add(s);
                slotTypes.add(t);
            }
            length = 1 + rnd.nextInt(20);
            array = temp(TirType.PTR);
            entry.insts.add(new Inst.Slot(array, new TirType.Array(TirType.I64, length), "a"));
            condition = temp(TirType.PTR);
            entry.insts.add(new Inst.Slot(condition, TirType.BOOL, "&&"));
            for (Block b : blocks) {
                available = new ArrayList<>();
                lastStored = null;
                if (b.id != 0 && rnd.nextInt(5) == 0) {
                    // A block that only tests the condition slot, as `&&` and `||` end.
                    Value.Temp c = temp(TirType.BOOL);
                    b.insts.add(new Inst.Load(c, condition, TirType.BOOL));
                    if (rnd.nextInt(3) == 0) {
                        Value.Temp not = temp(TirType.BOOL);
                        b.insts.add(new Inst.Not(not, c));
                        c = not;
                    }
                    b.terminator = new Terminator.Branch(c, 1 + rnd.nextInt(n - 1), 1 + rnd.nextInt(n - 1));
                    continue;
                }
                for (int p = 0; p < params.size(); p++) available.add(new Value.Param(p, params.get(p)));
                if (b.id == 0) {
                    for (int i = 0; i < slots.size(); i++) if (rnd.nextInt(4) != 0) b.insts.add(new Inst.Store(slots.get(i), pick(slotTypes.get(i))));
                }
                int count = rnd.nextInt(8);
                for (int i = 0; i < count; i++) instruction(b);
                b.terminator = terminator(b, n);
            }
            return new Function("f", "f", params, TirType.UNIT, false, List.copyOf(blocks), temps);
        }

        /** A value of type {@code t}: one computed here or a parameter, else a constant. */
        Value pick(TirType.Int t) {
            List<Value> of = available.stream().filter(v -> v.type().equals(t)).toList();
            if (!of.isEmpty() && rnd.nextInt(10) < 7) return of.get(rnd.nextInt(of.size()));
            return new Value.IntConst(t, interesting(rnd, t).longValue());
        }

        /** A type some value here has, mostly. */
        TirType.Int typeHere() {
            if (!available.isEmpty() && rnd.nextInt(4) != 0) return (TirType.Int) available.get(rnd.nextInt(available.size())).type();
            return anyType();
        }

        void instruction(Block b) {
            switch (rnd.nextInt(14)) {
                case 0, 1 -> {
                    int s = rnd.nextInt(slots.size());
                    Value.Temp r = temp(slotTypes.get(s));
                    b.insts.add(new Inst.Load(r, slots.get(s), r.type()));
                    available.add(r);
                }
                case 2, 3, 4 -> {
                    TirType.Int t = typeHere();
                    ArithOp op = ArithOp.values()[rnd.nextInt(ArithOp.values().length)];
                    Value l = op == ArithOp.NEG ? new Value.IntConst(t, 0) : pick(t);
                    Value r = op == ArithOp.SHL || op == ArithOp.SHR
                            ? (rnd.nextBoolean() ? new Value.IntConst(t, rnd.nextInt(t.bits() + 2)) : pick(typeHere()))
                            : pick(t);
                    boolean checked = op == ArithOp.DIV || op == ArithOp.REM || rnd.nextInt(5) != 0;
                    Value.Temp res = temp(t);
                    b.insts.add(new Inst.IntArith(res, op, l, r, checked ? AT : null));
                    available.add(res);
                }
                case 5 -> {
                    Value v = pick(typeHere());
                    Value.Temp res = temp(anyType());
                    b.insts.add(new Inst.Cast(res, v));
                    available.add(res);
                }
                case 6, 7 -> {
                    int s = rnd.nextInt(slots.size());
                    b.insts.add(new Inst.Store(slots.get(s), pick(slotTypes.get(s))));
                }
                case 8 -> {
                    Value.Temp res = temp(TirType.PTR);
                    b.insts.add(new Inst.ElementAddr(res, array, new TirType.Array(TirType.I64, length), pick(typeHere()), rnd.nextInt(5) != 0 ? AT : null));
                }
                case 12 -> {
                    TirType.Int t = typeHere();
                    Value.Temp c = temp(TirType.BOOL);
                    b.insts.add(new Inst.Compare(c, CmpOp.values()[rnd.nextInt(CmpOp.values().length)], pick(t), pick(t)));
                    b.insts.add(new Inst.Store(condition, rnd.nextInt(6) == 0 ? new Value.BoolConst(rnd.nextBoolean()) : c));
                    lastStored = c;
                }
                case 10, 11 -> {
                    // A loop counter's step: s = s +/- a small constant.
                    int s = rnd.nextInt(slots.size());
                    TirType.Int t = slotTypes.get(s);
                    Value.Temp x = temp(t), y = temp(t);
                    b.insts.add(new Inst.Load(x, slots.get(s), t));
                    ArithOp op = rnd.nextInt(3) == 0 ? ArithOp.SUB : ArithOp.ADD;
                    b.insts.add(new Inst.IntArith(y, op, x, new Value.IntConst(t, 1 + rnd.nextInt(3)), rnd.nextInt(4) != 0 ? AT : null));
                    b.insts.add(new Inst.Store(slots.get(s), y));
                    available.add(x);
                    available.add(y);
                }
                default -> {
                    Value x = pick(typeHere()), y = pick(typeHere());
                    Value.Temp s = temp(new TirType.Struct(List.of(x.type(), y.type())));
                    b.insts.add(new Inst.MakeStruct(s, List.of(x, y)));
                    int index = rnd.nextInt(2);
                    Value.Temp res = temp(index == 0 ? x.type() : y.type());
                    b.insts.add(new Inst.ExtractField(res, s, index));
                    available.add(res);
                }
            }
        }

        Terminator terminator(Block b, int n) {
            int kind = rnd.nextInt(10);
            if (n == 1 || kind == 0) return new Terminator.Return(null);
            int target = 1 + rnd.nextInt(n - 1), other = 1 + rnd.nextInt(n - 1);
            if (kind < 3) return new Terminator.Jump(target);
            if (lastStored != null && kind < 6) {
                Value.Temp cond = lastStored;
                if (rnd.nextInt(3) == 0) {
                    cond = temp(TirType.BOOL);
                    b.insts.add(new Inst.Not(cond, lastStored));
                }
                return new Terminator.Branch(cond, target, other);
            }
            TirType.Int t = typeHere();
            Value left = pick(t);
            if (rnd.nextBoolean()) {
                // The shape of a loop's test: a slot against a bound.
                int s = rnd.nextInt(slots.size());
                t = slotTypes.get(s);
                Value.Temp x = temp(t);
                b.insts.add(new Inst.Load(x, slots.get(s), t));
                left = x;
            }
            Value.Temp cond = temp(TirType.BOOL);
            b.insts.add(new Inst.Compare(cond, CmpOp.values()[rnd.nextInt(CmpOp.values().length)], left, pick(t)));
            if (rnd.nextInt(4) == 0) {
                Value.Temp not = temp(TirType.BOOL);
                b.insts.add(new Inst.Not(not, cond));
                cond = not;
            }
            return new Terminator.Branch(cond, target, other);
        }
    }

    /** One run of the original function, with the analysis followed alongside. */
    private record Execution(Function f, Function eliminated, RangeAnalysis analysis, BigInteger[] args, Random rnd, int seed) {
        void run() {
            Map<Integer, BigInteger> memory = new HashMap<>();
            Map<Integer, Boolean> flags = new HashMap<>();
            for (Inst inst : f.blocks().get(0).insts) {
                // Slots start with whatever the stack held.
                if (inst instanceof Inst.Slot s && s.slotType() instanceof TirType.Int t) memory.put(s.result().id(), new BigInteger(t.bits(), rnd).add(min(t)));
                if (inst instanceof Inst.Slot s && s.slotType() == TirType.BOOL) flags.put(s.result().id(), rnd.nextBoolean());
            }
            int block = 0;
            for (int steps = 0; steps < STEPS; steps++) {
                Block b = f.blocks().get(block);
                BlockRanges ranges = analysis.enter(block);
                if (isTest(b)) {
                    // Analysed through its predecessors, which go on to where it branches
                    // (its own state covers only the paths of the others).
                    Value.Temp slot = (Value.Temp) ((Inst.Load) b.insts.get(0)).slot();
                    Terminator.Branch br = (Terminator.Branch) b.terminator;
                    block = flags.get(slot.id()) != (b.insts.size() == 2) ? br.ifTrue() : br.ifFalse();
                    continue;
                }
                if (ranges == null) fail(where(block, "reached, but the analysis says no path does"));
                for (int p = 0; p < args.length; p++) in(ranges.range(new Value.Param(p, f.params().get(p))), args[p], block, "parameter %p" + p);
                Map<Integer, BigInteger> ints = new HashMap<>();
                Map<Integer, Boolean> bools = new HashMap<>();
                for (int i = 0; i < b.insts.size(); i++) {
                    Inst inst = b.insts.get(i);
                    boolean safe = ranges.cannotFail(inst);
                    boolean removed = !hasCheck(eliminated.blocks().get(block).insts.get(i)) && hasCheck(inst);
                    if (safe != removed) fail(where(block, "the pass and the analysis disagree on " + TirPrinter.print(module(f))));
                    Outcome o = execute(inst, ints, bools, memory, flags);
                    if (o == Outcome.TRAP) {
                        if (safe) fail(where(block, "instruction " + i + " traps with " + java.util.Arrays.toString(args) + ", but its check was removed"));
                        return;
                    }
                    ranges.step(inst);
                    if (inst.result() != null && inst.result().type() instanceof TirType.Int) {
                        in(ranges.range(inst.result()), ints.get(inst.result().id()), block, "%" + inst.result().id());
                    }
                }
                switch (b.terminator) {
                    case Terminator.Jump j -> block = j.target();
                    case Terminator.Branch br -> block = truth(br.condition(), bools) ? br.ifTrue() : br.ifFalse();
                    default -> { return; }
                }
            }
        }

        String where(int block, String what) {
            return "seed " + seed + ", b" + block + ": " + what + "\n" + TirPrinter.print(module(f));
        }

        void in(Interval r, BigInteger v, int block, String what) {
            if (r == null || v == null || v.compareTo(r.lo()) < 0 || v.compareTo(r.hi()) > 0) {
                fail(where(block, what + " = " + v + " outside the claimed range " + r + " with arguments " + java.util.Arrays.toString(args)));
            }
        }

        static boolean hasCheck(Inst inst) {
            return inst instanceof Inst.IntArith a && a.trap() != null || inst instanceof Inst.ElementAddr ea && ea.check() != null;
        }

        enum Outcome { OK, TRAP }

        BigInteger value(Value v, Map<Integer, BigInteger> ints) {
            return switch (v) {
                case Value.IntConst c -> ConstantFold.value(c.value(), (TirType.Int) c.type());
                case Value.Param p -> args[p.index()];
                case Value.Temp t -> ints.get(t.id());
                default -> throw new AssertionError(v);
            };
        }

        boolean truth(Value v, Map<Integer, Boolean> bools) {
            return v instanceof Value.BoolConst c ? c.value() : bools.get(((Value.Temp) v).id());
        }

        /** A block that only branches on the condition slot, or on its negation. */
        static boolean isTest(Block b) {
            if (b.insts.isEmpty() || !(b.insts.get(0) instanceof Inst.Load l && l.type() == TirType.BOOL && b.terminator instanceof Terminator.Branch br)) return false;
            if (b.insts.size() == 1) return br.condition().equals(l.result());
            return b.insts.size() == 2 && b.insts.get(1) instanceof Inst.Not not && not.operand().equals(l.result()) && br.condition().equals(not.result());
        }

        Outcome execute(Inst inst, Map<Integer, BigInteger> ints, Map<Integer, Boolean> bools, Map<Integer, BigInteger> memory, Map<Integer, Boolean> flags) {
            switch (inst) {
                case Inst.Slot s -> {}
                case Inst.Load l when l.type() == TirType.BOOL -> bools.put(l.result().id(), flags.get(((Value.Temp) l.slot()).id()));
                case Inst.Store s when s.value().type() == TirType.BOOL -> flags.put(((Value.Temp) s.slot()).id(), truth(s.value(), bools));
                case Inst.Load l -> ints.put(l.result().id(), memory.get(((Value.Temp) l.slot()).id()));
                case Inst.Store s -> memory.put(((Value.Temp) s.slot()).id(), value(s.value(), ints));
                case Inst.IntArith a -> {
                    BigInteger r = arithmetic(a, value(a.left(), ints), value(a.right(), ints));
                    if (r == null) return Outcome.TRAP;
                    ints.put(a.result().id(), r);
                }
                case Inst.Cast c -> ints.put(c.result().id(), wrap(value(c.operand(), ints), (TirType.Int) c.result().type()));
                case Inst.Compare c -> {
                    int cmp = value(c.left(), ints).compareTo(value(c.right(), ints));
                    bools.put(c.result().id(), switch (c.op()) {
                        case EQ -> cmp == 0; case NE -> cmp != 0; case LT -> cmp < 0; case LE -> cmp <= 0; case GT -> cmp > 0; case GE -> cmp >= 0;
                    });
                }
                case Inst.Not n -> bools.put(n.result().id(), !truth(n.operand(), bools));
                case Inst.ElementAddr ea -> {
                    BigInteger index = value(ea.index(), ints);
                    if (ea.check() != null && (index.signum() < 0 || index.compareTo(BigInteger.valueOf(ea.type().length())) >= 0)) return Outcome.TRAP;
                }
                case Inst.MakeStruct m -> {
                    // Fields are kept as their own values: the struct's id with the field index.
                    for (int k = 0; k < m.fields().size(); k++) ints.put(-1 - (m.result().id() * 4 + k), value(m.fields().get(k), ints));
                }
                case Inst.ExtractField x -> ints.put(x.result().id(), ints.get(-1 - (((Value.Temp) x.aggregate()).id() * 4 + x.index())));
                default -> throw new AssertionError(inst);
            }
            return Outcome.OK;
        }

        /** T's semantics: null where a checked operation panics. */
        static BigInteger arithmetic(Inst.IntArith a, BigInteger l, BigInteger r) {
            TirType.Int t = (TirType.Int) a.result().type();
            boolean checked = a.trap() != null;
            BigInteger exact;
            switch (a.op()) {
                case ADD -> exact = l.add(r);
                case SUB, NEG -> exact = l.subtract(r);
                case MUL -> exact = l.multiply(r);
                case DIV, REM -> {
                    if (r.signum() == 0) return null;
                    exact = a.op() == ArithOp.DIV ? l.divide(r) : l.remainder(r);
                    if (t.signed() && l.equals(min(t)) && r.equals(BigInteger.ONE.negate())) return null;
                }
                case AND -> exact = l.and(r);
                case OR -> exact = l.or(r);
                case XOR -> exact = l.xor(r);
                case SHL, SHR -> {
                    TirType.Int amountType = (TirType.Int) a.right().type();
                    BigInteger unsigned = r.signum() < 0 ? r.add(BigInteger.ONE.shiftLeft(amountType.bits())) : r;
                    if (checked && unsigned.compareTo(BigInteger.valueOf(t.bits())) >= 0) return null;
                    int amount = unsigned.mod(BigInteger.valueOf(t.bits())).intValue();
                    exact = a.op() == ArithOp.SHL ? l.shiftLeft(amount) : l.shiftRight(amount);
                    return wrap(exact, t);
                }
                default -> throw new AssertionError(a.op());
            }
            boolean fits = exact.compareTo(min(t)) >= 0 && exact.compareTo(max(t)) <= 0;
            if (!fits && checked) return null;
            return wrap(exact, t);
        }

        static BigInteger wrap(BigInteger v, TirType.Int t) {
            BigInteger m = v.mod(BigInteger.ONE.shiftLeft(t.bits()));
            return t.signed() && m.testBit(t.bits() - 1) ? m.subtract(BigInteger.ONE.shiftLeft(t.bits())) : m;
        }
    }
}
