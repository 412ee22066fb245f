package tlang.midend.pass;

import tlang.midend.tir.Function;
import tlang.midend.tir.TirModule;

import java.util.ArrayList;
import java.util.List;

/**
 * A TIR-to-TIR transformation of one function. Passes keep every TIR invariant (the
 * verifier runs after each in tests) and never change what a program prints, returns or
 * where it panics. As a {@link ModulePass} it runs on each function of the module in turn.
 */
public interface Pass extends ModulePass {
    Function run(Function f);

    @Override
    default TirModule run(TirModule m) {
        List<Function> out = new ArrayList<>();
        for (Function f : m.functions()) out.add(run(f));
        return new TirModule(m.name(), m.externs(), out);
    }
}
