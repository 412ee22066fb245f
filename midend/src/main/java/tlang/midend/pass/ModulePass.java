package tlang.midend.pass;

import tlang.midend.tir.TirModule;

/**
 * A TIR-to-TIR transformation of a whole module: for passes that look across functions
 * (the inliner reads callees while it rewrites callers, and may drop functions). Like every
 * pass it keeps the TIR invariants and never changes what a program prints, returns or
 * where it panics. A per-function {@link Pass} is a module pass that maps every function.
 */
public interface ModulePass {
    String name();

    TirModule run(TirModule m);
}
