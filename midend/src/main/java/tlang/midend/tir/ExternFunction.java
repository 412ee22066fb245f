package tlang.midend.tir;

import java.util.List;

/** A function defined outside the program, in the native runtime, called with the C ABI. */
public record ExternFunction(String symbol, List<TirType> params, TirType result, boolean noReturn) {}
