package tlang.midend.tir;

import java.util.List;

/** A whole program in TIR: its functions and the runtime functions they call. */
public record TirModule(String name, List<ExternFunction> externs, List<Function> functions) {}
