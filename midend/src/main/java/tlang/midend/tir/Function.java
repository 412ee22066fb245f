package tlang.midend.tir;

import java.util.List;

/**
 * A function in TIR. {@code symbol} is the linker name (mangled for T functions),
 * {@code sourceName} what the user wrote. Block 0 is the entry. {@code noReturn} marks
 * functions that never return (their result type is UNIT).
 */
public record Function(String symbol, String sourceName, List<TirType> params, TirType result,
                       boolean noReturn, List<Block> blocks, int tempCount) {}
