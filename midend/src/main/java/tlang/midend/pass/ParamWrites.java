package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pointer parameters a function may write through: an analysis of the whole module,
 * not a pass. A caller that passes the address of one of its slots (a `&x` argument, a
 * `&self` receiver) learns whether the slot may hold something else after the call.
 *
 * <p>Parameter i of f is written when f stores to it (or to a field or element address made
 * from it), copies memory onto it, passes it (or an address made from it) where the callee's
 * parameter is written, hands it to a runtime function or an indirect call, stores it as a
 * value, or returns it — the last two because the address then escapes and anyone may write
 * through it later. A least fixed point over the direct calls: recursion alone writes nothing.
 */
final class ParamWrites {
    private final Map<String, Set<Integer>> written = new HashMap<>();
    private final Set<String> defined = new HashSet<>();

    private ParamWrites() {}

    static ParamWrites of(TirModule m) {
        ParamWrites w = new ParamWrites();
        for (Function f : m.functions()) w.defined.add(f.symbol());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Function f : m.functions()) {
                for (int i = 0; i < f.params().size(); i++) {
                    if (w.writes(f.symbol(), i) || !w.writesThrough(f, i)) continue;
                    w.written.computeIfAbsent(f.symbol(), k -> new HashSet<>()).add(i);
                    changed = true;
                }
            }
        }
        return w;
    }

    /** Whether a call of {@code symbol} may write through its argument {@code index} (any runtime function may). */
    boolean writes(String symbol, int index) {
        if (!defined.contains(symbol)) return true;
        return written.getOrDefault(symbol, Set.of()).contains(index);
    }

    private boolean writesThrough(Function f, int index) {
        Value param = new Value.Param(index, f.params().get(index));
        for (Block b : f.blocks()) {
            // Addresses made from the parameter in this block (temps never leave their block).
            Set<Value> derived = new HashSet<>();
            derived.add(param);
            for (Inst inst : b.insts) {
                switch (inst) {
                    case Inst.FieldAddr fa when derived.contains(fa.pointer()) -> derived.add(fa.result());
                    case Inst.ElementAddr ea when derived.contains(ea.pointer()) -> derived.add(ea.result());
                    case Inst.Store st -> {
                        if (derived.contains(st.slot()) || derived.contains(st.value())) return true;
                    }
                    case Inst.CopyMem c -> {
                        if (derived.contains(c.destination())) return true;
                    }
                    case Inst.Call c -> {
                        List<Value> args = c.args();
                        for (int k = 0; k < args.size(); k++) if (derived.contains(args.get(k)) && writes(c.callee(), k)) return true;
                    }
                    case Inst.CallIndirect c -> {
                        for (Value v : TirVerifier.operands(c)) if (derived.contains(v)) return true;
                    }
                    default -> {
                        // Anything else that takes the address as an operand (a select, a
                        // struct of it) lets it go where this analysis cannot follow.
                        if (!(inst instanceof Inst.Load)) {
                            for (Value v : TirVerifier.operands(inst)) if (derived.contains(v)) return true;
                        }
                    }
                }
            }
            if (b.terminator instanceof Terminator.Return r && r.value() != null && derived.contains(r.value())) return true;
        }
        return false;
    }
}
