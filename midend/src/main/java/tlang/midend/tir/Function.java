package tlang.midend.tir;

import java.util.List;

/**
 * A function in TIR. {@code symbol} is the linker name (mangled for T functions),
 * {@code sourceName} what the user wrote. Block 0 is the entry. {@code noReturn} marks
 * functions that never return (their result type is UNIT). {@code exported}: the C entry of
 * an `extern "C" fn`, called by code outside the program under its C name — it has
 * external linkage, the target's C calling convention, and no pass may drop it.
 */
public record Function(String symbol, String sourceName, List<TirType> params, TirType result,
                       boolean noReturn, List<Block> blocks, int tempCount, boolean exported) {
    public Function(String symbol, String sourceName, List<TirType> params, TirType result,
                    boolean noReturn, List<Block> blocks, int tempCount) {
        this(symbol, sourceName, params, result, noReturn, blocks, tempCount, false);
    }
}
