package tlang.midend.pass;

import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirVerifier;

import java.util.List;

/**
 * The midend's optimization pipeline, run before LLVM's: each pass over the module, in
 * order (a per-function {@link Pass} over every function, a {@link ModulePass} over the
 * whole). With {@code verify}, the verifier checks the module after every pass and names
 * the pass that broke it.
 */
public final class Pipeline {
    private final List<ModulePass> passes;
    private final boolean verify;

    public Pipeline(List<? extends ModulePass> passes, boolean verify) {
        this.passes = List.copyOf(passes);
        this.verify = verify;
    }

    /**
     * The standard pipeline: turn `dyn` calls of traits with one implementation into
     * direct calls, fold constants, drop dead code, unwind edges nothing uses and tidy the
     * control flow, so that the inliner weighs functions as they will be; inline; then clean
     * up again — the copies fold against their constant arguments, and merging blocks brings
     * loads next to the stores they read. Last, with the loops as they will stay, drop the
     * checks that value ranges prove cannot fail, then what they leave unused (unwind edges
     * only a check needed, pads nothing unwinds to any more).
     */
    public static Pipeline standard(boolean verify) {
        return standard(verify, true);
    }

    /**
     * What runs at every optimization level, -O0 included, before the standard pipeline:
     * under `--panic=abort` ({@code unwinds} false) {@link PanicAbort}; then
     * {@link LastUseMove}, which is a rule of the language (a copy at a variable's last use
     * is a move: counts and drop times that programs can see), not an optimization.
     */
    public static Pipeline required(boolean verify, boolean unwinds) {
        List<ModulePass> passes = new java.util.ArrayList<>();
        if (!unwinds) passes.add(new PanicAbort());
        passes.add(new LastUseMove(unwinds));
        return new Pipeline(passes, verify);
    }

    /**
     * The standard pipeline for a panic strategy: {@code unwinds} false under
     * `--panic=abort` (after {@link PanicAbort}), where the RC passes need no landing pads.
     */
    public static Pipeline standard(boolean verify, boolean unwinds) {
        return new Pipeline(List.of(new Devirtualize(), new ConstantFold(), new DeadCodeElimination(), new PruneUnwind(), new SimplifyCfg(),
                new Inline(),
                new ConstantFold(), new DeadCodeElimination(), new PruneUnwind(), new SimplifyCfg(),
                new BorrowParams(unwinds), new RcPairs(unwinds), new SimplifyCfg(), new RcPairs(unwinds), new RcRegionPairs(unwinds),
                new StackObjects(unwinds), new RcReuse(),
                new ConstantFold(), new DeadCodeElimination(),
                new RangeCheckElimination(), new DeadCodeElimination(), new PruneUnwind(), new SimplifyCfg()), verify);
    }

    /** `-Dtlang.passTimes=true` (in `JAVA_TOOL_OPTIONS`): each pass's time on standard error. */
    private static final boolean TIMES = Boolean.getBoolean("tlang.passTimes");

    public TirModule run(TirModule m) {
        TirModule current = m;
        for (ModulePass p : passes) {
            long start = TIMES ? System.nanoTime() : 0;
            current = p.run(current);
            if (TIMES) System.err.printf("pass %-24s %8.2f ms%n", p.name(), (System.nanoTime() - start) / 1e6);
            if (verify) {
                List<String> problems = TirVerifier.verify(current);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("invalid TIR after pass " + p.name() + ":\n  " + String.join("\n  ", problems));
                }
            }
        }
        return current;
    }
}
