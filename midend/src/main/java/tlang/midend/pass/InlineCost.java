package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.Value;

import java.util.HashSet;
import java.util.Set;

/**
 * The inliner's size estimate of a function body: roughly the machine instructions it
 * becomes after LLVM's register promotion. Loads and stores of the function's own slots
 * cost nothing (mem2reg turns them into registers); other memory operations, calls (the
 * call, its argument moves and the registers it clobbers) and checks (a compare and a
 * branch to a cold block besides the operation) weigh more than plain arithmetic.
 */
final class InlineCost {
    private InlineCost() {}

    static final int CALL = 5;
    static final int MEMORY = 2;
    static final int COPY = 4;
    static final int CHECK = 2;

    static int of(Function f) {
        Set<Integer> slots = new HashSet<>();
        for (Inst inst : f.blocks().get(0).insts) if (inst instanceof Inst.Slot s) slots.add(s.result().id());
        int cost = 0;
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) cost += of(inst, slots);
            if (b.terminator instanceof Terminator.Branch) cost += 1;
        }
        return cost;
    }

    /** What one call instruction costs the caller: what inlining it saves. */
    static int ofCall(Inst.Call c) {
        return CALL + c.args().size();
    }

    private static int of(Inst inst, Set<Integer> slots) {
        return switch (inst) {
            case Inst.Slot s -> 0;
            case Inst.Load l -> isSlot(l.slot(), slots) ? 0 : MEMORY;
            case Inst.Store s -> isSlot(s.slot(), slots) ? 0 : MEMORY;
            case Inst.CopyMem c -> COPY;
            case Inst.Call c -> ofCall(c);
            case Inst.CallIndirect c -> CALL + c.args().size();
            case Inst.IntArith a -> a.trap() != null ? CHECK : 1;
            case Inst.ElementAddr ea -> ea.check() != null ? CHECK : 1;
            // Pieces of aggregates in registers: usually no instruction at all.
            case Inst.MakeStruct m -> 0;
            case Inst.ExtractField x -> 0;
            case Inst.StrPart p -> 0;
            case Inst.MakeStr m -> 0;
            default -> 1;
        };
    }

    private static boolean isSlot(Value v, Set<Integer> slots) {
        return v instanceof Value.Temp t && slots.contains(t.id());
    }
}
