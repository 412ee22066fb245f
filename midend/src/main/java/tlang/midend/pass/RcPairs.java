package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.Unwinding;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Cancels a `trt_rc_retain(x)` against a later `trt_rc_release(x)` of the same value in
 * the same block when nothing between them can tell the difference: the lowering's copy of
 * a value (reading a variable or a field, a copy for a call's argument) that is released
 * again before anything else could give up a count.
 *
 * <p>Why it is sound. x was alive at the retain (it is being copied), so its strong count
 * was at least 1; the retain makes it at least 2 and the release brings it back. Without
 * both, the count is one lower in between and the same afterwards. Nothing can tell if,
 * between the two:
 * <ul>
 *   <li>nothing releases any strong reference ({@link RcEffects#releases}: no
 *       `trt_rc_release`, no call of a function that may release, no indirect call) — the
 *       count of x cannot fall to 0, so x is not freed and no drop runs early; and the
 *       removed release was never x's last, so no drop moves either;</li>
 *   <li>nothing reads a count ({@link RcEffects#observes}: `strong_count`, `is_unique` —
 *       copy-on-write must still see the copy);</li>
 *   <li>nothing may unwind ({@link Unwinding#mayUnwind}) — a panic between them would reach
 *       a cleanup pad that releases the copy, which no longer holds a count. Under
 *       `--panic=abort` a panic ends the process, so there this condition falls away.</li>
 * </ul>
 * The same value means the same TIR value (a temp, a parameter): temps are defined once,
 * so both calls name the same object. Copies that go through a slot are matched once
 * constant-fold has forwarded the stored value to the load (it runs before this pass).
 * Retains of weak references and other values are not touched; the pass works on the
 * `trt_rc_retain`/`trt_rc_release` calls whatever type they serve.
 *
 * <p>Deliberately local: a pair across blocks, or one with a call that may release in
 * between (the copy of a field of a borrowed object around a recursive call, as in
 * binary-trees' `check`), needs to know which other count keeps x alive — the earlier,
 * wider version of this pass got that wrong for an object reached through a borrowed
 * parameter whose owner the callee itself gives up (tests/programs/memory/rc_borrowed_owner.t).
 */
public final class RcPairs implements ModulePass {
    /** False under `--panic=abort`: nothing unwinds, a panic ends the process. */
    private final boolean unwinds;

    public RcPairs() { this(true); }

    public RcPairs(boolean unwinds) { this.unwinds = unwinds; }

    @Override public String name() { return "rc-pairs"; }

    @Override
    public TirModule run(TirModule m) {
        RcEffects effects = RcEffects.of(m);
        Unwinding unwinding = unwinds ? Unwinding.of(m) : null;
        List<Function> out = new ArrayList<>();
        for (Function f : m.functions()) {
            boolean changed = false;
            List<Block> blocks = Block.copies(f.blocks());
            for (Block b : blocks) if (cancel(b, effects, unwinding)) changed = true;
            out.add(changed ? new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), blocks, f.tempCount(), f.exported()) : f);
        }
        return new TirModule(m.name(), m.externs(), out);
    }

    /** Removes every pair in {@code b} it can; whether it removed one. */
    private static boolean cancel(Block b, RcEffects effects, Unwinding unwinding) {
        boolean changed = false;
        for (int i = 0; i < b.insts.size(); i++) {
            if (!isRetain(b.insts.get(i))) continue;
            Value x = ((Inst.Call) b.insts.get(i)).args().get(0);
            for (int j = i + 1; j < b.insts.size(); j++) {
                Inst inst = b.insts.get(j);
                if (isRelease(inst) && ((Inst.Call) inst).args().get(0).equals(x)) {
                    b.insts.remove(j);
                    b.insts.remove(i);
                    i--; // look at what now stands at i
                    changed = true;
                    break;
                }
                if (effects.releases(inst) || effects.observes(inst)) break;
                if (unwinding != null && unwinding.mayUnwind(inst)) break;
            }
        }
        return changed;
    }

    static boolean isRetain(Inst inst) {
        return inst instanceof Inst.Call c && c.callee().equals(RcEffects.RETAIN) && c.args().size() == 1;
    }

    static boolean isRelease(Inst inst) {
        return inst instanceof Inst.Call c && c.callee().equals(RcEffects.RELEASE) && c.args().size() == 1;
    }
}
