package tlang.midend.pass;

import tlang.midend.tir.Function;

/**
 * A TIR-to-TIR transformation of one function. Passes keep every TIR invariant (the
 * verifier runs after each in tests) and never change what a program prints, returns or
 * where it panics.
 */
public interface Pass {
    String name();

    Function run(Function f);
}
