package tlang.midend.pass;

import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Unwinding;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reuses a uniquely referenced object's memory for the object built to replace it:
 * `s = State { a: s.a + 1, name: s.name }` allocates the new State, fills it, then releases
 * the old one — when that release is the last, the old memory could have been the new
 * object. The pass fuses `y = trt_rc_alloc(T, size)` with a `trt_rc_release(x)` that
 * follows it in the same block into `y = trt_rc_reuse(x, T, size)`, which, at run time,
 * when x holds the only strong reference, no weak one, is not shared and has type T, drops
 * x's payload and hands its memory back as y (otherwise it releases x and allocates, as
 * before). Lean 4 and Koka call this reset/reuse.
 *
 * <p>What moves is the release: from after the new object's initialization to just before
 * its allocation. That changes nothing anyone can see when, between the two:
 * <ul>
 *   <li>only the new object is written (stores through addresses made from y) or private
 *       slots of the function (not x's slot), only the new object and private slots are read
 *       (nothing can read x's memory, which may by then be y's), and the rest is arithmetic
 *       that cannot trap — no call, nothing that may unwind (a panic there would find x
 *       already dropped where the program had not dropped it yet);</li>
 *   <li>x is a load of a private slot S, not stored in between, so the same value can be
 *       loaded before the allocation;</li>
 *   <li>T's drop function cannot unwind, so that a drop, now run by the allocation, cannot
 *       panic where the program would have allocated.</li>
 * </ul>
 * The drop itself still runs exactly when the program's last reference goes, only earlier
 * by stores into a fresh object nobody else can see; counts of the fields x held fall then,
 * after the new object's copies of them were taken (those happen before the allocation).
 */
public final class RcReuse implements ModulePass {
    static final String ALLOC = RuntimeAbi.RC_ALLOC.symbol();
    static final String REUSE = RuntimeAbi.RC_REUSE.symbol();

    @Override public String name() { return "rc-reuse"; }

    @Override
    public TirModule run(TirModule m) {
        Unwinding unwinding = Unwinding.of(m);
        List<Function> out = new ArrayList<>();
        for (Function f : m.functions()) out.add(rewrite(f, unwinding));
        return new TirModule(m.name(), m.externs(), out);
    }

    private static Function rewrite(Function f, Unwinding unwinding) {
        Set<Integer> slots = BorrowParams.privateSlots(f);
        List<Block> blocks = null;
        int temps = f.tempCount();
        for (int bi = 0; bi < f.blocks().size(); bi++) {
            Block b = f.blocks().get(bi);
            for (int a = 0; a < b.insts.size(); a++) {
                if (!(b.insts.get(a) instanceof Inst.Call alloc) || !alloc.callee().equals(ALLOC)) continue;
                if (!(alloc.args().get(0) instanceof Value.TypeInfo ti) || (ti.drop() != null && unwinding.mayUnwind(ti.drop()))) continue;
                int[] found = releaseAfter(b, a, alloc.result(), slots, unwinding);
                if (found == null) continue;
                if (blocks == null) blocks = Block.copies(f.blocks());
                Block nb = blocks.get(bi);
                int load = found[0], release = found[1];
                Value slot = ((Inst.Load) nb.insts.get(load)).slot();
                nb.insts.remove(release);
                nb.insts.remove(load);
                Value.Temp x = new Value.Temp(temps++, TirType.PTR);
                nb.insts.set(a, new Inst.Call(alloc.result(), REUSE, List.of(x, alloc.args().get(0), alloc.args().get(1))));
                nb.insts.add(a, new Inst.Load(x, slot, TirType.PTR));
                b = nb;
                a++;
            }
        }
        if (blocks == null) return f;
        return new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), blocks, temps, f.exported());
    }

    /**
     * The indices of `x = load S` and `trt_rc_release(x)` after the allocation at
     * {@code b.insts[a]} that may be fused with it, or null.
     */
    private static int[] releaseAfter(Block b, int a, Value.Temp y, Set<Integer> slots, Unwinding unwinding) {
        Set<Value> fresh = new HashSet<>(); // y and addresses made from it
        fresh.add(y);
        Set<Integer> stored = new HashSet<>(), loaded = new HashSet<>();
        // Loads of private slots so far: temp id -> (slot id, index).
        java.util.Map<Integer, int[]> loads = new java.util.HashMap<>();
        for (int k = a + 1; k < b.insts.size(); k++) {
            Inst inst = b.insts.get(k);
            if (unwinding.mayUnwind(inst) && !RcPairs.isRelease(inst)) return null;
            switch (inst) {
                case Inst.FieldAddr fa -> {
                    if (!fresh.contains(fa.pointer())) return null;
                    fresh.add(fa.result());
                }
                case Inst.Store st -> {
                    if (fresh.contains(st.slot())) break;
                    if (!(st.slot() instanceof Value.Temp s) || !slots.contains(s.id())) return null;
                    stored.add(s.id());
                }
                case Inst.Load l -> {
                    if (fresh.contains(l.slot())) break;
                    if (!(l.slot() instanceof Value.Temp s) || !slots.contains(s.id())) return null;
                    if (l.type() == TirType.PTR) loads.put(l.result().id(), new int[] {s.id(), k});
                    else loaded.add(s.id());
                }
                case Inst.Call c when RcPairs.isRelease(c) -> {
                    if (!(c.args().get(0) instanceof Value.Temp x)) return null;
                    int[] from = loads.get(x.id());
                    if (from == null || stored.contains(from[0]) || loaded.contains(from[0])) return null;
                    // x must be loaded only for this release, and S not loaded again.
                    for (java.util.Map.Entry<Integer, int[]> e : loads.entrySet()) {
                        if (e.getKey() != x.id() && e.getValue()[0] == from[0]) return null;
                    }
                    if (usedElsewhere(b, x, from[1], k)) return null;
                    return new int[] {from[1], k};
                }
                case Inst.Call c -> { return null; }
                case Inst.CallIndirect c -> { return null; }
                case Inst.CopyMem c -> { return null; }
                case Inst.ElementAddr ea -> { return null; }
                case Inst.LandingPad lp -> { return null; }
                default -> {} // arithmetic, comparisons, casts, struct and string values
            }
        }
        return null;
    }

    /** Whether temp {@code x} is used in {@code b} other than by the release at {@code release}. */
    private static boolean usedElsewhere(Block b, Value.Temp x, int def, int release) {
        for (int k = def + 1; k < b.insts.size(); k++) {
            if (k == release) continue;
            if (tlang.midend.tir.TirVerifier.operands(b.insts.get(k)).contains(x)) return true;
        }
        return DeadCodeElimination.operands(b.terminator).contains(x);
    }
}
