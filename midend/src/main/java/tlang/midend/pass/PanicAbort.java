package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;

import java.util.ArrayList;
import java.util.List;

/**
 * The abort strategy (`tcc build --panic=abort`): panics end the process where they
 * happen, so nothing unwinds. Every unwind edge goes, a `resume` (which would only run
 * after drops on the way out) becomes `unreachable`, and the landing pads with their
 * drops and `catch` handlers, now unreachable, are removed ({@link SimplifyCfg}). A
 * `catch` then just calls its closure. Runs at every optimization level: the backend
 * emits no landing pads under this strategy.
 */
public final class PanicAbort implements ModulePass {
    @Override public String name() { return "panic-abort"; }

    @Override
    public TirModule run(TirModule m) {
        SimplifyCfg tidy = new SimplifyCfg();
        List<Function> out = new ArrayList<>();
        for (Function f : m.functions()) {
            boolean pads = false;
            for (Block b : f.blocks()) {
                b.unwind = Block.NONE;
                if (b.terminator instanceof Terminator.Resume) b.terminator = new Terminator.Unreachable();
                pads |= b.isLandingPad();
            }
            out.add(pads ? tidy.run(f) : f);
        }
        return new TirModule(m.name(), m.externs(), out);
    }
}
