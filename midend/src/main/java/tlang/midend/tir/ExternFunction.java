package tlang.midend.tir;

import java.util.List;

/**
 * A function defined outside the program, in the native runtime, called with the C ABI.
 * {@code unwinds}: a call may raise a panic that unwinds into the caller (the panic entry
 * points under the unwind strategy); every other runtime function is `nounwind`.
 */
public record ExternFunction(String symbol, List<TirType> params, TirType result, boolean noReturn, boolean unwinds) {
    public ExternFunction(String symbol, List<TirType> params, TirType result, boolean noReturn) {
        this(symbol, params, result, noReturn, false);
    }
}
