package tlang.midend.lower;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends instructions to a function under construction. After a terminator the builder is
 * "dead": it sits in a fresh block with no predecessors and drops what is added, so code
 * after `return` or a diverging call is lowered without special cases and emits nothing.
 * Blocks left without a terminator end in `unreachable`.
 *
 * <p>New blocks get the builder's current unwind edge ({@link #unwindTo}): code lowered
 * while a landing pad is in force unwinds to it.
 */
final class FunctionBuilder {
    private final List<Block> blocks = new ArrayList<>();
    private final Block entry;
    private Block current;
    private int temps;
    private boolean dead;
    private int unwind = Block.NONE;

    FunctionBuilder() {
        entry = newBlock();
        current = entry;
    }

    Block newBlock() {
        Block b = new Block(blocks.size(), unwind);
        blocks.add(b);
        return b;
    }

    /** The edge blocks made now get. */
    int unwind() { return unwind; }

    /** Blocks made from now on unwind to {@code pad} (or {@link Block#NONE}); returns the previous edge. */
    int unwindTo(int pad) {
        int previous = unwind;
        unwind = pad;
        return previous;
    }

    /**
     * A landing pad block: stores the exception pointer in {@code slot} and goes on at
     * {@code next} (drops then `resume`, or a `catch` handler).
     */
    Block landingPad(Value.Temp slot, boolean catches, Block next) {
        Block b = new Block(blocks.size(), Block.NONE);
        blocks.add(b);
        b.insts.add(new Inst.LandingPad(slot, catches));
        b.terminator = new Terminator.Jump(next.id);
        return b;
    }

    Block current() { return current; }

    void switchTo(Block b) {
        current = b;
        dead = false;
    }

    /** True after a terminator, until the builder moves to a block that may be reached. */
    boolean isDead() { return dead; }

    Value.Temp temp(TirType type) { return new Value.Temp(temps++, type); }

    /** Adds an instruction to the current block and returns its result (may be null). */
    Value.Temp add(Inst inst) {
        if (!dead) current.insts.add(inst);
        return inst.result();
    }

    /** A stack slot, always placed in the entry block so LLVM can promote it to registers. */
    Value.Temp slot(TirType type, String name) {
        Value.Temp t = temp(TirType.PTR);
        entry.insts.add(new Inst.Slot(t, type, name));
        return t;
    }

    void terminate(Terminator t) {
        if (!dead) current.terminator = t;
        current = newBlock();
        dead = true;
    }

    /** Ends the current block with a jump (unless it is dead) and continues at {@code target}. */
    void jumpTo(Block target) {
        if (!dead) current.terminator = new Terminator.Jump(target.id);
        switchTo(target);
    }

    /** Ends the current block with a two-way branch; the caller then switches to a successor. */
    void branch(Value condition, Block ifTrue, Block ifFalse) {
        if (!dead) current.terminator = new Terminator.Branch(condition, ifTrue.id, ifFalse.id);
        dead = true;
    }

    Function finish(String symbol, String sourceName, List<TirType> params, TirType result, boolean noReturn) {
        return finish(symbol, sourceName, params, result, noReturn, false);
    }

    Function finish(String symbol, String sourceName, List<TirType> params, TirType result, boolean noReturn, boolean exported) {
        for (Block b : blocks) {
            if (!b.isTerminated()) {
                b.terminator = new Terminator.Unreachable();
            }
        }
        return new Function(symbol, sourceName, List.copyOf(params), result, noReturn, List.copyOf(blocks), temps, exported);
    }
}
