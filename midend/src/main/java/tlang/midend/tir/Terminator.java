package tlang.midend.tir;

/** How a basic block ends. */
public sealed interface Terminator {
    record Jump(int target) implements Terminator {}
    record Branch(Value condition, int ifTrue, int ifFalse) implements Terminator {}
    /** {@code value} is null in a function returning UNIT. */
    record Return(Value value) implements Terminator {}
    /** Control never gets here: after a call that does not return. */
    record Unreachable() implements Terminator {}
    /**
     * Continues unwinding the exception {@code exception} (a pointer, as a landing pad
     * stored it) out of this function: the end of a cleanup pad's code. In LLVM `resume`,
     * a call of `_Unwind_Resume`.
     */
    record Resume(Value exception) implements Terminator {}
}
