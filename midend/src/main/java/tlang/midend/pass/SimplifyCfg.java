package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Unwinding;
import tlang.midend.tir.Terminator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tidies the control-flow graph: blocks no path from the entry reaches are dropped (the
 * lowering leaves many behind, after `return` and diverging calls), jumps to an empty block
 * that only jumps on are threaded through it, a block that is the only successor of its
 * only predecessor is merged into it, and the survivors are renumbered in order.
 *
 * <p>Unwind edges are edges too: a landing pad is kept while a reached block unwinds to it
 * (a pad nothing unwinds to any more, its drops and its handler go). Blocks merge only
 * when they share their unwind edge, so every instruction keeps its own; a landing pad
 * never absorbs the code it jumps to (it stays a block of one instruction).
 */
public final class SimplifyCfg implements Pass {
    @Override public String name() { return "simplify-cfg"; }

    @Override
    public Function run(Function f) {
        List<Block> blocks = f.blocks();
        // Thread jumps through empty forwarding blocks (not the entry, which cannot be a target).
        for (Block b : blocks) b.terminator = retarget(b.terminator, blocks);
        // Keep what the entry reaches.
        boolean[] reached = new boolean[blocks.size()];
        Deque<Integer> work = new ArrayDeque<>(List.of(0));
        while (!work.isEmpty()) {
            int id = work.pop();
            if (reached[id]) continue;
            reached[id] = true;
            for (int s : successors(blocks.get(id).terminator)) work.push(s);
            if (blocks.get(id).unwind != Block.NONE) work.push(blocks.get(id).unwind);
        }
        mergeChains(blocks, reached);
        Map<Integer, Integer> renumber = new HashMap<>();
        List<Block> kept = new ArrayList<>();
        for (Block b : blocks) {
            if (!reached[b.id]) continue;
            renumber.put(b.id, kept.size());
            kept.add(b);
        }
        List<Block> out = new ArrayList<>();
        for (Block b : kept) {
            Block nb = new Block(renumber.get(b.id), b.unwind == Block.NONE ? Block.NONE : renumber.get(b.unwind));
            nb.insts.addAll(b.insts);
            nb.terminator = switch (b.terminator) {
                case Terminator.Jump j -> new Terminator.Jump(renumber.get(j.target()));
                case Terminator.Branch br -> new Terminator.Branch(br.condition(), renumber.get(br.ifTrue()), renumber.get(br.ifFalse()));
                default -> b.terminator;
            };
            out.add(nb);
        }
        return new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), List.copyOf(out), f.tempCount(), f.exported());
    }

    /**
     * Appends a block to the block that jumps to it when that jump is its only way in; the
     * merged block is then unreachable. Temps stay valid: the merged instructions follow
     * their definitions in one block.
     */
    private static void mergeChains(List<Block> blocks, boolean[] reached) {
        int[] predecessors = new int[blocks.size()];
        for (Block b : blocks) if (reached[b.id]) for (int s : successors(b.terminator)) predecessors[s]++;
        for (Block b : blocks) {
            if (!reached[b.id]) continue;
            while (b.terminator instanceof Terminator.Jump j && j.target() != b.id && j.target() != 0 && predecessors[j.target()] == 1
                    && !b.isLandingPad() && sameUnwinding(b, blocks.get(j.target()))) {
                Block next = blocks.get(j.target());
                if (mayUnwind(next)) b.unwind = next.unwind;
                b.insts.addAll(next.insts);
                b.terminator = next.terminator;
                reached[next.id] = false;
                next.insts.clear();
            }
        }
    }

    /**
     * Whether {@code next}'s instructions may follow {@code b}'s in one block: their unwind
     * edges agree, or the instructions of one of them cannot unwind (then the other's edge
     * serves both). The entry keeps no unwind edge (the inliner copies it into a caller's
     * block, which has its own).
     */
    private static boolean sameUnwinding(Block b, Block next) {
        if (b.unwind == next.unwind || !mayUnwind(next)) return true;
        return b.id != 0 && !mayUnwind(b);
    }

    /** Conservatively: any call may unwind. */
    private static boolean mayUnwind(Block b) {
        for (Inst inst : b.insts) if (Unwinding.mayUnwind(inst, s -> true)) return true;
        return false;
    }

    private static Terminator retarget(Terminator t, List<Block> blocks) {
        return switch (t) {
            case Terminator.Jump j -> new Terminator.Jump(forward(j.target(), blocks));
            case Terminator.Branch br -> new Terminator.Branch(br.condition(), forward(br.ifTrue(), blocks), forward(br.ifFalse(), blocks));
            default -> t;
        };
    }

    /** Follows empty blocks that only jump, stopping at cycles (an empty endless loop). */
    private static int forward(int target, List<Block> blocks) {
        int current = target;
        for (int steps = 0; steps < blocks.size(); steps++) {
            Block b = blocks.get(current);
            if (!b.insts.isEmpty() || !(b.terminator instanceof Terminator.Jump j) || j.target() == current || j.target() == 0) return current;
            current = j.target();
        }
        return current;
    }

    private static List<Integer> successors(Terminator t) {
        return switch (t) {
            case Terminator.Jump j -> List.of(j.target());
            case Terminator.Branch br -> List.of(br.ifTrue(), br.ifFalse());
            default -> List.of();
        };
    }
}
