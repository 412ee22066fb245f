package tlang.midend.tir;

/** How a basic block ends. */
public sealed interface Terminator {
    record Jump(int target) implements Terminator {}
    record Branch(Value condition, int ifTrue, int ifFalse) implements Terminator {}
    /** {@code value} is null in a function returning UNIT. */
    record Return(Value value) implements Terminator {}
    /** Control never gets here: after a call that does not return. */
    record Unreachable() implements Terminator {}
}
