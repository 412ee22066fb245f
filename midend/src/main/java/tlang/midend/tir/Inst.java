package tlang.midend.tir;

import java.util.List;

/**
 * Instructions. Each defines at most one {@link Value.Temp}. Locals live in stack slots
 * (loads and stores), as in unoptimized LLVM IR; LLVM's mem2reg turns them into registers.
 * Invariant (checked by the verifier): a temp is used only in the block that defines it,
 * after its definition — values that cross blocks go through slots. Slots themselves are
 * defined in the entry block, which dominates every block, and are usable everywhere.
 */
public sealed interface Inst {
    /** The temp this instruction defines, or null. */
    Value.Temp result();

    /** A stack slot holding one value of {@code slotType}; only in the entry block. */
    record Slot(Value.Temp result, TirType slotType, String name) implements Inst {}
    /** Reads a value of {@code type} from an address: a slot, a field address, a `&self`. */
    record Load(Value.Temp result, Value slot, TirType type) implements Inst {}
    record Store(Value slot, Value value) implements Inst { public Value.Temp result() { return null; } }

    /**
     * Integer operations (on BOOL too for AND/OR/XOR). NEG computes {@code right} negated;
     * its {@code left} is the constant 0. Shifts take an amount of any integer type.
     */
    enum ArithOp { ADD, SUB, MUL, DIV, REM, NEG, AND, OR, XOR, SHL, SHR }

    /**
     * Integer arithmetic, signed or unsigned as the operands' type says. With a {@code trap}
     * location, overflow (and division by zero, and a shift by the width or more) panics
     * there; without one the operation wraps — passes clear it where ranges prove safety.
     * Bitwise operations never trap.
     */
    record IntArith(Value.Temp result, ArithOp op, Value left, Value right, Location trap) implements Inst {}

    enum FloatOp { ADD, SUB, MUL, DIV, REM, NEG }

    /** IEEE 754 arithmetic; NEG negates {@code right} ({@code left} is ignored, 0.0). */
    record FloatArith(Value.Temp result, FloatOp op, Value left, Value right) implements Inst {}

    enum CmpOp { EQ, NE, LT, LE, GT, GE }

    /**
     * Comparison of two values of one type: integers (signed or unsigned by type), bools
     * (false &lt; true), floats (IEEE: every comparison with NaN is false except NE).
     */
    record Compare(Value.Temp result, CmpOp op, Value left, Value right) implements Inst {}

    /** Logical not of a bool, bitwise complement of an integer. */
    record Not(Value.Temp result, Value operand) implements Inst {}

    /**
     * Converts between numeric types (and from bool) with `as` semantics: integers truncate
     * or extend by the source's signedness, float to integer saturates (NaN gives 0).
     */
    record Cast(Value.Temp result, Value operand) implements Inst {}

    /** Builds a struct (tuple) value from its fields. */
    record MakeStruct(Value.Temp result, List<Value> fields) implements Inst {}

    /** Reads field {@code index} of a struct value. */
    record ExtractField(Value.Temp result, Value aggregate, int index) implements Inst {}

    /** The address of field {@code index} inside the struct that {@code pointer} points to. */
    record FieldAddr(Value.Temp result, Value pointer, TirType.Struct type, int index) implements Inst {}

    /**
     * The address of element {@code index} (an integer of any type) of the array that
     * {@code pointer} points to. With a {@code check} location, an index outside
     * [0, length) panics there with the index and the length; without one (a pass proved it
     * in range, or the compiler made the index itself) it is not checked.
     */
    record ElementAddr(Value.Temp result, Value pointer, TirType.Array type, Value index, Location check) implements Inst {}

    /**
     * Copies a whole value of {@code type} from one address to another (a memcpy). Arrays
     * move this way rather than through a load and a store, which LLVM would split into
     * one instruction per element.
     */
    record CopyMem(Value destination, Value source, TirType type) implements Inst {
        public Value.Temp result() { return null; }
    }

    /** {@code condition ? ifTrue : ifFalse}, both evaluated already. */
    record Select(Value.Temp result, Value condition, Value ifTrue, Value ifFalse) implements Inst {}

    /**
     * Operations that are one machine instruction (or a short runtime routine) on some
     * target: float square root, absolute value, rounding, min/max (NaN-ignoring, like
     * IEEE minNum), and bit counts of integers (results of the operand's type).
     */
    enum IntrinsicOp { SQRT, FABS, FLOOR, CEIL, ROUND, TRUNC, FMIN, FMAX, CTPOP, CTLZ, CTTZ, FSHL, FSHR }

    record Intrinsic(Value.Temp result, IntrinsicOp op, List<Value> args) implements Inst {}

    /**
     * One of a string value's three words: the pointer to its bytes, their length, or its
     * owner (the reference-counted buffer the bytes live in; null for literals and other
     * static text).
     */
    record StrPart(Value.Temp result, Value string, Part part) implements Inst {
        public enum Part { POINTER, LENGTH, OWNER }

        /** The pointer ({@code length} false) or the length. */
        public StrPart(Value.Temp result, Value string, boolean length) {
            this(result, string, length ? Part.LENGTH : Part.POINTER);
        }
    }

    /** Builds a string value from a pointer, a byte length and an owner (null: static bytes). */
    record MakeStr(Value.Temp result, Value pointer, Value length, Value owner) implements Inst {
        /** A string of static bytes (a literal, a program argument): no owner. */
        public MakeStr(Value.Temp result, Value pointer, Value length) {
            this(result, pointer, length, new Value.ZeroConst(TirType.PTR));
        }
    }

    /** A direct call; {@code result} is null for functions returning UNIT. */
    record Call(Value.Temp result, String callee, List<Value> args) implements Inst {}

    /**
     * A call through a function address (a `fn(A) -> R` value); the signature is the
     * arguments' types and the result's. {@code result} is null for UNIT.
     */
    record CallIndirect(Value.Temp result, Value callee, List<Value> args, DynMethod method) implements Inst {
        public CallIndirect(Value.Temp result, Value callee, List<Value> args) { this(result, callee, args, null); }
    }

    /** What an indirect call through a vtable calls: method {@code index} of {@code trait}'s vtables. */
    record DynMethod(String trait, int index) {}

    /**
     * The only instruction of a landing pad block (see {@link Block}): stores the pointer to
     * the exception being unwound (a `trt_panic_exception`) in {@code slot}. A cleanup pad
     * ({@code catches} false) is entered on the way out, runs drops and resumes unwinding;
     * a catching pad stops the panic: its code hands the exception to `trt_panic_catch`.
     * In LLVM: `landingpad { ptr, i32 } cleanup` or `catch ptr null`.
     */
    record LandingPad(Value slot, boolean catches) implements Inst {
        public Value.Temp result() { return null; }
    }
}
