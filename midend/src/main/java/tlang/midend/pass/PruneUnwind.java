package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.Unwinding;

/**
 * Drops unwind edges that nothing uses: a block none of whose instructions may unwind
 * ({@link Unwinding}: no checks, no calls of functions that may unwind) needs no landing
 * pad. The next {@link SimplifyCfg} then removes pads nothing unwinds to, with their drops
 * and handlers — a `catch` of a closure that cannot panic costs nothing at all.
 */
public final class PruneUnwind implements ModulePass {
    @Override public String name() { return "prune-unwind"; }

    @Override
    public TirModule run(TirModule m) {
        Unwinding unwinding = Unwinding.of(m);
        for (Function f : m.functions()) {
            for (Block b : f.blocks()) {
                if (b.unwind != Block.NONE && !unwinding.mayUnwind(b)) b.unwind = Block.NONE;
            }
        }
        return m;
    }
}
