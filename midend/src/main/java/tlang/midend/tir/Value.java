package tlang.midend.tir;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Operands of instructions: constants, function parameters and instruction results. */
public sealed interface Value {
    TirType type();

    record IntConst(TirType type, long value) implements Value {}
    record FloatConst(TirType type, double value) implements Value {}
    /**
     * The address of a constant `trt_fmt_spec` (native-runtime/include/trt_fmt.h) that the
     * backend lays out once per distinct spec.
     */
    record FormatSpecConst(int fill, int width, int precision, int kind, int align, int flags) implements Value {
        public TirType type() { return TirType.PTR; }
    }

    /** The all-zero value of a type (an empty struct, for instance). */
    record ZeroConst(TirType type) implements Value {}
    record BoolConst(boolean value) implements Value { public TirType type() { return TirType.BOOL; } }
    record StrConst(String text) implements Value {
        public TirType type() { return TirType.STR; }
        public byte[] utf8() { return text.getBytes(StandardCharsets.UTF_8); }
    }
    record UnitConst() implements Value { public TirType type() { return TirType.UNIT; } }
    record Param(int index, TirType type) implements Value {}
    /** The address of a T function of the module: a `fn(A) -> R` value. */
    record FuncRef(String symbol) implements Value { public TirType type() { return TirType.PTR; } }
    /**
     * The address of a constant table of function addresses: the vtable of one type's impl
     * of {@code trait}, its methods in the trait's vtable order.
     */
    record Vtable(String trait, List<String> methods) implements Value { public TirType type() { return TirType.PTR; } }
    /**
     * The address of the constant `trt_type` of a class (abi.md, "Type information"): its
     * name for leak reports and its drop function ({@code drop}, a T function taking the
     * object, or null when dropping an object releases nothing and runs no `Drop`).
     */
    record TypeInfo(String name, String drop) implements Value { public TirType type() { return TirType.PTR; } }
    /** The result of exactly one instruction. */
    record Temp(int id, TirType type) implements Value {}

    Value UNIT = new UnitConst();
}
