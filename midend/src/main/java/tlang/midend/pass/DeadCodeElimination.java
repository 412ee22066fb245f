package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes instructions whose results nobody uses and that have no effect of their own, and
 * slots that are only ever written. Calls, stores to live slots, arithmetic that may
 * trap and landing pads stay: removing them would change what the program does (a check
 * that panics is an effect). Repeats until nothing changes, since one removal can make another value unused.
 */
public final class DeadCodeElimination implements Pass {
    @Override public String name() { return "dead-code-elimination"; }

    @Override
    public Function run(Function f) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<Integer> used = new HashSet<>();
            Set<Integer> loaded = new HashSet<>(); // addresses read, or used in any way but as a store target
            Set<Integer> slots = new HashSet<>();
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    if (inst instanceof Inst.Slot sl) slots.add(sl.result().id());
                    for (Value v : operands(inst)) if (v instanceof Value.Temp t) used.add(t.id());
                    // A slot whose address is used other than as a store target is live.
                    switch (inst) {
                        case Inst.Store s -> { if (s.value() instanceof Value.Temp t) loaded.add(t.id()); }
                        default -> { for (Value v : operands(inst)) if (v instanceof Value.Temp t) loaded.add(t.id()); }
                    }
                }
                for (Value v : operands(b.terminator)) if (v instanceof Value.Temp t) { used.add(t.id()); loaded.add(t.id()); }
            }
            for (Block b : f.blocks()) {
                List<Inst> kept = new ArrayList<>();
                for (Inst inst : b.insts) {
                    if (removable(inst, used, loaded, slots)) changed = true;
                    else kept.add(inst);
                }
                b.insts.clear();
                b.insts.addAll(kept);
            }
        }
        return f;
    }

    private static boolean removable(Inst inst, Set<Integer> used, Set<Integer> loaded, Set<Integer> slots) {
        return switch (inst) {
            case Inst.Call c -> false;
            case Inst.CallIndirect c -> false;
            case Inst.LandingPad lp -> false;
            // Only a store straight into a slot that nothing reads is dead; a store through a
            // field address writes part of a slot that may be read whole.
            case Inst.Store s -> s.slot() instanceof Value.Temp t && slots.contains(t.id()) && !loaded.contains(t.id());
            case Inst.IntArith a when a.trap() != null -> false;
            case Inst.ElementAddr ea when ea.check() != null -> false;
            case Inst.CopyMem c -> false;
            case Inst.Slot s -> !used.contains(s.result().id());
            default -> inst.result() != null && !used.contains(inst.result().id());
        };
    }

    static List<Value> operands(Inst inst) {
        return TirVerifier.operands(inst);
    }

    static List<Value> operands(Terminator t) {
        return switch (t) {
            case Terminator.Branch b -> List.of(b.condition());
            case Terminator.Return r -> r.value() == null ? List.of() : List.of(r.value());
            case Terminator.Resume r -> List.of(r.exception());
            default -> List.of();
        };
    }
}
