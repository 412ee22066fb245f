package tlang.midend.pass;

import tlang.midend.tir.Function;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirVerifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The midend's optimization pipeline, run before LLVM's: each pass over every function, in
 * order. With {@code verify}, the verifier checks the module after every pass and names the
 * pass that broke it.
 */
public final class Pipeline {
    private final List<Pass> passes;
    private final boolean verify;

    public Pipeline(List<Pass> passes, boolean verify) {
        this.passes = List.copyOf(passes);
        this.verify = verify;
    }

    /** The standard pipeline: fold constants, drop dead code, then tidy the control flow. */
    public static Pipeline standard(boolean verify) {
        // A second round folds what merging blocks brought together.
        return new Pipeline(List.of(new ConstantFold(), new DeadCodeElimination(), new SimplifyCfg(),
                new ConstantFold(), new DeadCodeElimination()), verify);
    }

    public TirModule run(TirModule m) {
        TirModule current = m;
        for (Pass p : passes) {
            List<Function> out = new ArrayList<>();
            for (Function f : current.functions()) out.add(p.run(f));
            current = new TirModule(current.name(), current.externs(), out);
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
