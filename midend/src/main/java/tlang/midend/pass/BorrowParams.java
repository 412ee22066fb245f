package tlang.midend.pass;

import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Unwinding;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Borrowed parameters: a by-value class parameter that its function only gives up at its
 * very end is kept by the caller instead. The release moves across the return: out of
 * the callee, to just after each call — and to the call's own landing pad when it unwinds.
 * The callee then takes no count at all, and the caller's copy for the call usually meets
 * that release in {@link RcPairs} (a copy made for the call, released right after it).
 *
 * <p>What is proved, for parameter p of function f (a pointer): f is not the program entry
 * and its address is never taken (no `fn` value, vtable or drop function names it), so the
 * module's direct calls are all its calls; on every path to a `return`, and on every path
 * from a landing pad to a `resume`, the last thing f does is a `trt_rc_release` of p (p
 * itself, or a load of a private slot that only ever holds p) — nothing after it but loads,
 * stores to its own slots and arithmetic that cannot trap — and nothing before it may
 * unwind in a block without a landing pad. Then the release runs exactly when it did,
 * just on the other side of the return (or of the unwinding into the caller), before
 * anything else happens: drops run at the same points, in the same order.
 *
 * <p>One parameter per function (the one released last); under `--panic=abort` calls need
 * no landing pads.
 */
public final class BorrowParams implements ModulePass {
    private final boolean unwinds;

    public BorrowParams() { this(true); }

    public BorrowParams(boolean unwinds) { this.unwinds = unwinds; }

    @Override public String name() { return "borrow-params"; }

    /** A parameter to borrow, and the releases of it that end its function. */
    private record Borrowed(int param, List<Site> finals) {}

    private record Site(Block block, Inst inst) {}

    @Override
    public TirModule run(TirModule m) {
        Set<String> addressTaken = new HashSet<>();
        for (Function f : m.functions()) {
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    for (Value v : TirVerifier.operands(inst)) {
                        switch (v) {
                            case Value.FuncRef r -> addressTaken.add(r.symbol());
                            case Value.Vtable vt -> addressTaken.addAll(vt.methods());
                            case Value.TypeInfo ti -> { if (ti.drop() != null) addressTaken.add(ti.drop()); }
                            default -> {}
                        }
                    }
                    if (inst instanceof Inst.CallIndirect c && c.callee() instanceof Value.FuncRef r) addressTaken.add(r.symbol());
                }
            }
        }
        Unwinding unwinding = Unwinding.of(m);
        Map<String, Borrowed> borrowed = new LinkedHashMap<>();
        for (Function f : m.functions()) {
            if (f.symbol().equals(RuntimeAbi.ENTRY) || addressTaken.contains(f.symbol())) continue;
            Borrowed b = candidate(f, unwinding);
            if (b != null) borrowed.put(f.symbol(), b);
        }
        if (borrowed.isEmpty()) return m;
        // The callees first (their final releases go), then every call: a call needs a pad
        // of its own only where the callee may still unwind without the release.
        for (Map.Entry<String, Borrowed> e : borrowed.entrySet()) {
            for (Site s : e.getValue().finals()) s.block().insts.remove(indexOf(s.block(), s.inst()));
        }
        unwinding = Unwinding.of(m);
        List<Function> out = new ArrayList<>();
        for (Function f : m.functions()) out.add(rewriteCalls(f, borrowed, unwinding));
        return new TirModule(m.name(), m.externs(), out);
    }

    // ---- the callee ---------------------------------------------------------------------

    /** The parameter f may borrow, or null. */
    private static Borrowed candidate(Function f, Unwinding unwinding) {
        Set<Integer> slots = privateSlots(f);
        for (int i = 0; i < f.params().size(); i++) {
            if (f.params().get(i) != TirType.PTR) continue;
            // Only one parameter can be what every path releases last.
            List<Site> finals = finalReleases(f, i, holders(f, i, slots), slots, unwinding);
            if (finals != null) return new Borrowed(i, finals);
        }
        return null;
    }

    /** Private slots whose every store stores parameter {@code index}. */
    private static Set<Integer> holders(Function f, int index, Set<Integer> slots) {
        Value param = new Value.Param(index, TirType.PTR);
        Set<Integer> stored = new HashSet<>(), other = new HashSet<>();
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) {
                if (inst instanceof Inst.Store st && st.slot() instanceof Value.Temp t && slots.contains(t.id())) {
                    (st.value().equals(param) ? stored : other).add(t.id());
                }
                if (inst instanceof Inst.CopyMem c && c.destination() instanceof Value.Temp t) other.add(t.id());
                if (inst instanceof Inst.Call c) for (Value v : c.args()) if (v instanceof Value.Temp t) other.add(t.id());
                // A field address of a slot could be stored to: only whole-slot holders count.
                if (inst instanceof Inst.FieldAddr fa && fa.pointer() instanceof Value.Temp t) other.add(t.id());
                if (inst instanceof Inst.ElementAddr ea && ea.pointer() instanceof Value.Temp t) other.add(t.id());
            }
        }
        stored.removeAll(other);
        return stored;
    }

    /**
     * The releases of parameter {@code index} that are the last thing f does on every path to
     * a `return` and to a `resume`, or null when some path does something else last (or
     * nothing), or something may unwind in a block with no landing pad.
     */
    private static List<Site> finalReleases(Function f, int index, Set<Integer> holders, Set<Integer> slots, Unwinding unwinding) {
        List<Block> blocks = f.blocks();
        Map<Integer, List<Integer>> preds = new HashMap<>();
        for (Block b : blocks) for (int s : successors(b.terminator)) preds.computeIfAbsent(s, k -> new ArrayList<>()).add(b.id);
        Value param = new Value.Param(index, TirType.PTR);
        // Per block: the index of its last effect, or -1 when it has none.
        Map<Integer, Integer> lastEffect = new HashMap<>();
        for (Block b : blocks) {
            int last = -1;
            Set<Integer> inside = new HashSet<>(slots);
            for (int k = 0; k < b.insts.size(); k++) {
                Inst inst = b.insts.get(k);
                if (inst instanceof Inst.FieldAddr fa && fa.pointer() instanceof Value.Temp t && inside.contains(t.id())) inside.add(fa.result().id());
                if (inst instanceof Inst.ElementAddr ea && ea.check() == null && ea.pointer() instanceof Value.Temp t && inside.contains(t.id())) inside.add(ea.result().id());
                if (effect(inst, inside)) last = k;
            }
            lastEffect.put(b.id, last);
        }
        List<Site> finals = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        for (Block b : blocks) if (b.terminator instanceof Terminator.Return || b.terminator instanceof Terminator.Resume) work.add(b.id);
        if (work.isEmpty()) return null;
        // Backwards from each exit to the last effect on each path.
        while (!work.isEmpty()) {
            int id = work.poll();
            if (!seen.add(id)) continue;
            Block b = blocks.get(id);
            int last = lastEffect.get(id);
            if (last >= 0) {
                Inst inst = b.insts.get(last);
                if (!isRelease(inst) || !isParam(((Inst.Call) inst).args().get(0), b, last, param, holders)) return null;
                finals.add(new Site(b, inst));
                continue;
            }
            List<Integer> ps = preds.getOrDefault(id, List.of());
            if (ps.isEmpty()) return null; // the entry, or a landing pad: reached with nothing done
            work.addAll(ps);
        }
        // Each of them must be last on every path from it, too.
        for (Site s : finals) if (!lastOnEveryPath(blocks, s, lastEffect)) return null;
        // Nothing else may unwind straight out of the function while it owns the parameter:
        // that way out would not release it.
        Set<Inst> last = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Site s : finals) last.add(s.inst());
        for (Block b : blocks) {
            if (b.unwind != Block.NONE || b.isLandingPad()) continue;
            for (Inst inst : b.insts) if (unwinding.mayUnwind(inst) && !last.contains(inst)) return null;
        }
        return finals;
    }

    private static boolean lastOnEveryPath(List<Block> blocks, Site s, Map<Integer, Integer> lastEffect) {
        Set<Integer> seen = new HashSet<>();
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>(successors(s.block().terminator));
        if (s.block().terminator instanceof Terminator.Unreachable) return false;
        while (!work.isEmpty()) {
            int id = work.poll();
            if (!seen.add(id)) continue;
            Block b = blocks.get(id);
            if (lastEffect.get(id) >= 0 || b.terminator instanceof Terminator.Unreachable) return false;
            work.addAll(successors(b.terminator));
        }
        return true;
    }

    /** Whether {@code v}, used at {@code b.insts[at]}, is the parameter (or a load of a slot holding only it). */
    private static boolean isParam(Value v, Block b, int at, Value param, Set<Integer> holders) {
        if (v.equals(param)) return true;
        if (!(v instanceof Value.Temp t)) return false;
        for (int k = at - 1; k >= 0; k--) {
            Inst inst = b.insts.get(k);
            if (inst.result() != null && inst.result().id() == t.id()) {
                return inst instanceof Inst.Load l && l.slot() instanceof Value.Temp s && holders.contains(s.id());
            }
        }
        return false;
    }

    /**
     * Whether an instruction does something a caller could tell apart from nothing after the
     * fact: a call, a store or copy outside the function's private slots, a check that may
     * trap, a landing pad.
     */
    private static boolean effect(Inst inst, Set<Integer> inside) {
        return switch (inst) {
            case Inst.Call c -> true;
            case Inst.CallIndirect c -> true;
            case Inst.LandingPad lp -> true;
            case Inst.Store st -> !(st.slot() instanceof Value.Temp t && inside.contains(t.id()));
            case Inst.CopyMem c -> !(c.destination() instanceof Value.Temp t && inside.contains(t.id()));
            case Inst.IntArith a -> a.trap() != null;
            case Inst.ElementAddr ea -> ea.check() != null;
            default -> false;
        };
    }

    private static boolean isRelease(Inst inst) {
        return RcPairs.isRelease(inst);
    }

    // ---- the callers ----------------------------------------------------------------------

    private Function rewriteCalls(Function f, Map<String, Borrowed> borrowed, Unwinding unwinding) {
        List<Block> blocks = new ArrayList<>(f.blocks());
        int[] temps = {f.tempCount()};
        boolean changed = false;
        Set<Inst> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int bi = 0; bi < blocks.size(); bi++) {
            Block b = blocks.get(bi);
            for (int k = 0; k < b.insts.size(); k++) {
                if (!(b.insts.get(k) instanceof Inst.Call c) || !borrowed.containsKey(c.callee()) || !done.add(c)) continue;
                changed = true;
                Value arg = c.args().get(borrowed.get(c.callee()).param());
                Inst release = new Inst.Call(null, RcEffects.RELEASE, List.of(arg));
                b.insts.add(k + 1, release);
                boolean pad = unwinds && unwinding.mayUnwind(c.callee());
                if (!pad) {
                    k++;
                    continue;
                }
                // The call gets a block of its own, whose landing pad releases the argument
                // first; the release after it runs under the block's old edge.
                Value.Temp held = new Value.Temp(temps[0]++, TirType.PTR);
                blocks.get(0).insts.add(0, new Inst.Slot(held, TirType.PTR, "borrowed"));
                if (b.id == 0) k++;
                b.insts.add(k, new Inst.Store(held, arg));
                k++;
                split(blocks, b, k + 1, temps); // the release and what follows
                // (Slots for values crossing the split go to the entry, which may be b.)
                Block call = split(blocks, b, indexOf(b, c), temps);
                done.addAll(call.insts); // the call, rebuilt with its operands reloaded
                call.unwind = releasingPad(blocks, b.unwind, held, temps);
                break; // the rest of the block is in `rest`, looked at later
            }
        }
        if (!changed) return f;
        return new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), List.copyOf(blocks), temps[0], f.exported());
    }

    /** A landing pad that releases what {@code held} holds and goes on as {@code old} did. */
    private static int releasingPad(List<Block> blocks, int old, Value.Temp held, int[] temps) {
        Block pad = new Block(blocks.size(), Block.NONE);
        blocks.add(pad);
        Block code = new Block(blocks.size(), Block.NONE);
        blocks.add(code);
        Value.Temp x = new Value.Temp(temps[0]++, TirType.PTR);
        code.insts.add(new Inst.Load(x, held, TirType.PTR));
        code.insts.add(new Inst.Call(null, RcEffects.RELEASE, List.of(x)));
        if (old == Block.NONE) {
            Value.Temp exception = new Value.Temp(temps[0]++, TirType.PTR);
            blocks.get(0).insts.add(0, new Inst.Slot(exception, TirType.PTR, "exception"));
            pad.insts.add(new Inst.LandingPad(exception, false));
            Value.Temp e = new Value.Temp(temps[0]++, TirType.PTR);
            code.insts.add(new Inst.Load(e, exception, TirType.PTR));
            code.terminator = new Terminator.Resume(e);
        } else {
            Block oldPad = blocks.get(old);
            Inst.LandingPad lp = oldPad.landingPad();
            pad.insts.add(new Inst.LandingPad(lp.slot(), lp.catches()));
            code.terminator = oldPad.terminator;
        }
        pad.terminator = new Terminator.Jump(code.id);
        return pad.id;
    }

    /**
     * Moves {@code b.insts[at..]} and its terminator to a new block with the same unwind
     * edge, which {@code b} now jumps to. Temps of the first half used in the second cross
     * through new slots (temps never leave their block).
     */
    static Block split(List<Block> blocks, Block b, int at, int[] temps) {
        Block next = new Block(blocks.size(), b.unwind);
        blocks.add(next);
        List<Inst> moved = new ArrayList<>(b.insts.subList(at, b.insts.size()));
        b.insts.subList(at, b.insts.size()).clear();
        next.terminator = b.terminator;
        b.terminator = new Terminator.Jump(next.id);
        Map<Integer, Value.Temp> defined = new HashMap<>();
        for (Inst inst : b.insts) if (inst.result() != null && !(inst instanceof Inst.Slot)) defined.put(inst.result().id(), inst.result());
        Map<Integer, Value> crossing = new LinkedHashMap<>();
        List<Value> used = new ArrayList<>();
        for (Inst inst : moved) used.addAll(TirVerifier.operands(inst));
        used.addAll(DeadCodeElimination.operands(next.terminator));
        for (Value v : used) {
            if (v instanceof Value.Temp t && defined.containsKey(t.id()) && !crossing.containsKey(t.id())) {
                Value.Temp slot = new Value.Temp(temps[0]++, TirType.PTR);
                blocks.get(0).insts.add(0, new Inst.Slot(slot, t.type(), "split"));
                b.insts.add(new Inst.Store(slot, t));
                Value.Temp again = new Value.Temp(temps[0]++, t.type());
                next.insts.add(new Inst.Load(again, slot, t.type()));
                crossing.put(t.id(), again);
            }
        }
        for (Inst inst : moved) next.insts.add(Substitution.apply(inst, crossing));
        next.terminator = Substitution.apply(next.terminator, crossing);
        return next;
    }

    private static int indexOf(Block b, Inst inst) {
        for (int i = 0; i < b.insts.size(); i++) if (b.insts.get(i) == inst) return i;
        throw new IllegalStateException("instruction not found");
    }

    static List<Integer> successors(Terminator t) {
        return switch (t) {
            case Terminator.Jump j -> List.of(j.target());
            case Terminator.Branch br -> br.ifTrue() == br.ifFalse() ? List.of(br.ifTrue()) : List.of(br.ifTrue(), br.ifFalse());
            default -> List.of();
        };
    }

    /**
     * Slots whose address, and every address made from it, is only used as the address of a
     * load, store, copy, field or element address, or as a call argument.
     */
    static Set<Integer> privateSlots(Function f) {
        Set<Integer> slots = new HashSet<>();
        for (Block b : f.blocks()) for (Inst inst : b.insts) if (inst instanceof Inst.Slot s) slots.add(s.result().id());
        Set<Integer> escaped = new HashSet<>();
        for (Block b : f.blocks()) {
            Map<Integer, Integer> rootOf = new HashMap<>();
            for (Inst inst : b.insts) {
                for (Value v : TirVerifier.operands(inst)) {
                    Integer root = rootOf(v, slots, rootOf);
                    if (root == null) continue;
                    boolean ok = switch (inst) {
                        case Inst.Load l -> true;
                        case Inst.Store st -> st.slot().equals(v) && !st.value().equals(v);
                        case Inst.FieldAddr fa -> { rootOf.put(fa.result().id(), root); yield true; }
                        case Inst.ElementAddr ea -> {
                            if (!ea.pointer().equals(v)) yield false;
                            rootOf.put(ea.result().id(), root);
                            yield true;
                        }
                        case Inst.CopyMem c -> true;
                        case Inst.Call c -> true;
                        case Inst.CallIndirect c -> !c.callee().equals(v);
                        default -> false;
                    };
                    if (!ok) escaped.add(root);
                }
            }
            for (Value v : DeadCodeElimination.operands(b.terminator)) {
                Integer root = rootOf(v, slots, rootOf);
                if (root != null) escaped.add(root);
            }
        }
        slots.removeAll(escaped);
        return slots;
    }

    private static Integer rootOf(Value v, Set<Integer> slots, Map<Integer, Integer> rootOf) {
        if (!(v instanceof Value.Temp t)) return null;
        if (slots.contains(t.id())) return t.id();
        return rootOf.get(t.id());
    }
}
