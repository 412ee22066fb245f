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
    record Load(Value.Temp result, Value.Temp slot, TirType type) implements Inst {}
    record Store(Value.Temp slot, Value value) implements Inst { public Value.Temp result() { return null; } }

    /** NEG computes {@code right} negated; its {@code left} is the constant 0. */
    enum ArithOp { ADD, SUB, MUL, DIV, REM, NEG }

    /**
     * Signed integer arithmetic. With a {@code trap} location, overflow (and division by zero)
     * panics there; without one the operation wraps — passes clear it where ranges prove safety.
     */
    record IntArith(Value.Temp result, ArithOp op, Value left, Value right, Location trap) implements Inst {}

    enum CmpOp { EQ, NE, LT, LE, GT, GE }

    /** Signed comparison of integers, or equality of booleans. */
    record Compare(Value.Temp result, CmpOp op, Value left, Value right) implements Inst {}

    /** Logical not of a bool, bitwise complement of an integer. */
    record Not(Value.Temp result, Value operand) implements Inst {}

    /** Truncates or sign-extends an integer to another width. */
    record IntCast(Value.Temp result, Value operand) implements Inst {}

    /** The pointer or the byte length of a string value. */
    record StrPart(Value.Temp result, Value string, boolean length) implements Inst {}

    /** Builds a string value from a pointer and a byte length. */
    record MakeStr(Value.Temp result, Value pointer, Value length) implements Inst {}

    /** A direct call; {@code result} is null for functions returning UNIT. */
    record Call(Value.Temp result, String callee, List<Value> args) implements Inst {}
}
