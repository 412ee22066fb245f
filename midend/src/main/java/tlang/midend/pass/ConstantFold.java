package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes instructions whose operands are all constants and replaces their results by the
 * values, block by block (temps never leave their block, so a block is the whole scope of
 * a substitution). Integer arithmetic is folded only when it provably does not overflow
 * or divide by zero: a checked operation that would trap is left for run time, where it
 * panics with its location. A branch on a constant becomes a jump.
 *
 * <p>Within a block, a load from a slot reads back the value last stored there — for the
 * slots whose address is only ever loaded from and stored to directly (no field address,
 * no `&self` argument), which nothing else can write.
 *
 * <p>An array element address with a constant index inside the array loses its bounds
 * check (the index is known, so the check is too).
 */
public final class ConstantFold implements Pass {
    @Override public String name() { return "constant-fold"; }

    @Override
    public Function run(Function f) {
        java.util.Set<Integer> private_ = privateSlots(f);
        for (Block b : f.blocks()) {
            Map<Integer, Value> known = new HashMap<>();
            Map<Integer, Value> stored = new HashMap<>(); // private slot -> value last stored in this block
            List<Inst> kept = new ArrayList<>();
            for (Inst inst : b.insts) {
                Inst i = Substitution.apply(inst, known);
                if (i instanceof Inst.Store st && st.slot() instanceof Value.Temp t && private_.contains(t.id())) {
                    stored.put(t.id(), st.value());
                } else if (i instanceof Inst.Load ld && ld.slot() instanceof Value.Temp t && stored.containsKey(t.id())) {
                    known.put(ld.result().id(), stored.get(t.id()));
                    continue;
                }
                Value folded = fold(i);
                if (folded != null) known.put(i.result().id(), folded);
                else kept.add(provenInBounds(i));
            }
            b.insts.clear();
            b.insts.addAll(kept);
            b.terminator = Substitution.apply(b.terminator, known);
            if (b.terminator instanceof Terminator.Branch br && br.condition() instanceof Value.BoolConst c) {
                b.terminator = new Terminator.Jump(c.value() ? br.ifTrue() : br.ifFalse());
            }
        }
        return f;
    }

    /** An element address whose index is a constant inside the array needs no bounds check. */
    static Inst provenInBounds(Inst inst) {
        if (inst instanceof Inst.ElementAddr ea && ea.check() != null && ea.index() instanceof Value.IntConst c
                && ea.index().type() instanceof TirType.Int it) {
            long index = c.value();
            boolean inRange = it.signed() ? index >= 0 && index < ea.type().length()
                    : Long.compareUnsigned(index, ea.type().length()) < 0;
            if (inRange) return new Inst.ElementAddr(ea.result(), ea.pointer(), ea.type(), ea.index(), null);
        }
        return inst;
    }

    /** Slots used only as the address of whole-value loads and stores. */
    static java.util.Set<Integer> privateSlots(Function f) {
        java.util.Set<Integer> slots = new java.util.HashSet<>(), escaped = new java.util.HashSet<>();
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) {
                if (inst instanceof Inst.Slot s) slots.add(s.result().id());
                List<Value> uses = switch (inst) {
                    case Inst.Load l -> List.of();
                    case Inst.Store st -> List.of(st.value());
                    default -> DeadCodeElimination.operands(inst);
                };
                for (Value v : uses) if (v instanceof Value.Temp t) escaped.add(t.id());
            }
            for (Value v : DeadCodeElimination.operands(b.terminator)) if (v instanceof Value.Temp t) escaped.add(t.id());
        }
        slots.removeAll(escaped);
        return slots;
    }

    /** The constant an instruction computes, or null when it cannot be folded. */
    static Value fold(Inst inst) {
        return switch (inst) {
            case Inst.IntArith a when a.left() instanceof Value.IntConst l && a.right() instanceof Value.IntConst r
                    && a.result().type() instanceof TirType.Int t -> arithmetic(a.op(), l.value(), r.value(), t, a.trap() != null);
            case Inst.IntArith a when a.left() instanceof Value.BoolConst l && a.right() instanceof Value.BoolConst r -> switch (a.op()) {
                case AND -> new Value.BoolConst(l.value() & r.value());
                case OR -> new Value.BoolConst(l.value() | r.value());
                case XOR -> new Value.BoolConst(l.value() ^ r.value());
                default -> null;
            };
            case Inst.Compare c when c.left() instanceof Value.IntConst l && c.right() instanceof Value.IntConst r
                    && l.type() instanceof TirType.Int t -> {
                int cmp = value(l.value(), t).compareTo(value(r.value(), t));
                yield new Value.BoolConst(switch (c.op()) {
                    case EQ -> cmp == 0; case NE -> cmp != 0; case LT -> cmp < 0; case LE -> cmp <= 0; case GT -> cmp > 0; case GE -> cmp >= 0;
                });
            }
            case Inst.Compare c when c.left() instanceof Value.BoolConst l && c.right() instanceof Value.BoolConst r -> {
                int cmp = Boolean.compare(l.value(), r.value());
                yield new Value.BoolConst(switch (c.op()) {
                    case EQ -> cmp == 0; case NE -> cmp != 0; case LT -> cmp < 0; case LE -> cmp <= 0; case GT -> cmp > 0; case GE -> cmp >= 0;
                });
            }
            case Inst.Not n when n.operand() instanceof Value.BoolConst b -> new Value.BoolConst(!b.value());
            case Inst.Not n when n.operand() instanceof Value.IntConst i && i.type() instanceof TirType.Int t ->
                    new Value.IntConst(t, wrap(BigInteger.valueOf(i.value()).not(), t));
            case Inst.Cast c when c.operand() instanceof Value.IntConst i && i.type() instanceof TirType.Int from
                    && c.result().type() instanceof TirType.Int to -> new Value.IntConst(to, wrap(value(i.value(), from), to));
            default -> null;
        };
    }

    private static Value arithmetic(Inst.ArithOp op, long left, long right, TirType.Int t, boolean checked) {
        BigInteger l = value(left, t), r = value(right, t);
        BigInteger exact;
        switch (op) {
            case ADD -> exact = l.add(r);
            case SUB, NEG -> exact = l.subtract(r);
            case MUL -> exact = l.multiply(r);
            case DIV, REM -> {
                if (r.signum() == 0) return null; // panics at run time
                if (t.signed() && r.equals(BigInteger.ONE.negate()) && l.equals(BigInteger.ONE.shiftLeft(t.bits() - 1).negate())) {
                    // MIN / -1 and MIN % -1 overflow (the remainder too, as in Rust), although 0 fits.
                    if (checked) return null;
                    return new Value.IntConst(t, op == Inst.ArithOp.DIV ? wrap(l, t) : 0);
                }
                exact = op == Inst.ArithOp.DIV ? l.divide(r) : l.remainder(r);
            }
            case AND -> { return new Value.IntConst(t, l.and(r).longValue()); }
            case OR -> { return new Value.IntConst(t, l.or(r).longValue()); }
            case XOR -> { return new Value.IntConst(t, l.xor(r).longValue()); }
            default -> { return null; } // shifts: amounts of other types; left to LLVM
        }
        if (!fits(exact, t)) {
            if (checked) return null; // a trap, kept so that it panics where the program says
            return new Value.IntConst(t, wrap(exact, t));
        }
        return new Value.IntConst(t, exact.longValue());
    }

    /** The mathematical value of a constant's bits in its type. */
    static BigInteger value(long bits, TirType.Int t) {
        BigInteger v = BigInteger.valueOf(bits);
        if (t.bits() < 64) v = v.and(BigInteger.ONE.shiftLeft(t.bits()).subtract(BigInteger.ONE));
        else if (!t.signed() && bits < 0) v = v.add(BigInteger.ONE.shiftLeft(64));
        if (t.signed() && v.testBit(t.bits() - 1) && t.bits() < 64) v = v.subtract(BigInteger.ONE.shiftLeft(t.bits()));
        return v;
    }

    private static boolean fits(BigInteger v, TirType.Int t) {
        BigInteger min = t.signed() ? BigInteger.ONE.shiftLeft(t.bits() - 1).negate() : BigInteger.ZERO;
        BigInteger max = BigInteger.ONE.shiftLeft(t.signed() ? t.bits() - 1 : t.bits()).subtract(BigInteger.ONE);
        return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
    }

    /** Two's-complement bits of {@code v} in type {@code t}, as a long (sign-extended for signed types). */
    private static long wrap(BigInteger v, TirType.Int t) {
        BigInteger m = v.and(BigInteger.ONE.shiftLeft(t.bits()).subtract(BigInteger.ONE));
        if (t.signed() && m.testBit(t.bits() - 1)) m = m.subtract(BigInteger.ONE.shiftLeft(t.bits()));
        return m.longValue();
    }
}
