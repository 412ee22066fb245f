package tlang.midend.tir;

import java.util.ArrayList;
import java.util.List;

/** A basic block: straight-line instructions and one terminator. Built by the lowering. */
public final class Block {
    public final int id;
    public final List<Inst> insts = new ArrayList<>();
    public Terminator terminator;

    public Block(int id) { this.id = id; }

    public boolean isTerminated() { return terminator != null; }
}
