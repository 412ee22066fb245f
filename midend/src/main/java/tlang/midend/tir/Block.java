package tlang.midend.tir;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block: straight-line instructions and one terminator. Built by the lowering.
 *
 * <p>{@code unwind} is the block's unwind edge: where a panic raised by one of its
 * instructions (a call that may unwind, a failing check) goes — a landing pad block of the
 * same function — or {@link #NONE}, when the panic leaves the function. Every instruction
 * of a block shares the edge, so a pass that moves an instruction to another block moves it
 * only between blocks with the same edge.
 *
 * <p>A landing pad block is entered only by unwinding: its one instruction is an
 * {@link Inst.LandingPad} (which stores the exception pointer in a slot), its terminator a
 * jump to the code that runs the drops (then a {@link Terminator.Resume}) or the handler of
 * a `catch`. Nothing jumps or branches to a landing pad.
 */
public final class Block {
    /** The unwind edge of a block whose panics leave the function. */
    public static final int NONE = -1;

    public final int id;
    public final List<Inst> insts = new ArrayList<>();
    public Terminator terminator;
    public int unwind = NONE;

    public Block(int id) { this.id = id; }

    public Block(int id, int unwind) {
        this.id = id;
        this.unwind = unwind;
    }

    public boolean isTerminated() { return terminator != null; }

    /**
     * Mutable copies of {@code blocks} (same ids, edges, instructions and terminators), for a
     * pass that edits a function's blocks while the module it was given stays as it was.
     */
    public static List<Block> copies(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            Block c = new Block(b.id, b.unwind);
            c.insts.addAll(b.insts);
            c.terminator = b.terminator;
            out.add(c);
        }
        return out;
    }

    /** Whether this is a landing pad: entered by unwinding, starting with its {@link Inst.LandingPad}. */
    public boolean isLandingPad() { return !insts.isEmpty() && insts.get(0) instanceof Inst.LandingPad; }

    /** The landing pad instruction of a landing pad block. */
    public Inst.LandingPad landingPad() { return (Inst.LandingPad) insts.get(0); }
}
