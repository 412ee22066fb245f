package tlang.midend.tir;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which instructions and functions may unwind: raise a panic, or let one raised in a
 * callee pass through. Shared by the passes (to drop unwind edges nothing uses) and the
 * backend (to emit `invoke` only where a call may unwind, and `nounwind` on functions that
 * cannot).
 *
 * <p>An instruction may unwind when it is a checked operation (its failure panics), a call
 * of a function that may unwind (a runtime entry point marked {@link ExternFunction#unwinds},
 * or a T function that may), or an indirect call (the callee is not known). A function may
 * unwind when one of its instructions may in a block without an unwind edge, or when a
 * {@link Terminator.Resume} is reached from a landing pad that something which may unwind
 * unwinds to; a panic caught by a catching landing pad stops there.
 * This is computed as a least fixed point over the call graph (a worklist of callers), so
 * functions that only call each other (or themselves) and raise nothing are `nounwind`.
 */
public final class Unwinding {
    private final Set<String> unwinding;

    private Unwinding(Set<String> unwinding) { this.unwinding = unwinding; }

    /** The analysis of a whole module. */
    public static Unwinding of(TirModule m) {
        Set<String> externs = new HashSet<>();
        for (ExternFunction e : m.externs()) if (e.unwinds()) externs.add(e.symbol());
        Set<String> unwinding = new HashSet<>();
        Predicate<String> callee = s -> externs.contains(s) || unwinding.contains(s);
        // A worklist over the callers: a function is looked at again only when one of its
        // callees has just been found to unwind.
        java.util.Map<String, Function> bySymbol = new java.util.HashMap<>();
        java.util.Map<String, Set<String>> callers = new java.util.HashMap<>();
        for (Function f : m.functions()) {
            bySymbol.put(f.symbol(), f);
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    if (inst instanceof Inst.Call c) callers.computeIfAbsent(c.callee(), k -> new HashSet<>()).add(f.symbol());
                }
            }
        }
        java.util.ArrayDeque<String> work = new java.util.ArrayDeque<>();
        for (Function f : m.functions()) work.add(f.symbol());
        while (!work.isEmpty()) {
            Function f = bySymbol.get(work.poll());
            if (unwinding.contains(f.symbol()) || !unwindsOut(f, callee)) continue;
            unwinding.add(f.symbol());
            for (String caller : callers.getOrDefault(f.symbol(), Set.of())) if (!unwinding.contains(caller)) work.add(caller);
        }
        return new Unwinding(Set.copyOf(union(unwinding, externs)));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Whether a call of {@code symbol} (a function or runtime entry point of the module) may unwind. */
    public boolean mayUnwind(String symbol) { return unwinding.contains(symbol); }

    /** Whether {@code inst} may raise a panic or pass one on. */
    public boolean mayUnwind(Inst inst) { return mayUnwind(inst, unwinding::contains); }

    /** Whether any instruction of {@code b} may unwind. */
    public boolean mayUnwind(Block b) {
        for (Inst inst : b.insts) if (mayUnwind(inst)) return true;
        return false;
    }

    /** Whether a panic may leave {@code f}. */
    public boolean mayUnwind(Function f) { return unwinding.contains(f.symbol()); }

    /** {@code inst} may unwind when the functions {@code callee} accepts may. */
    public static boolean mayUnwind(Inst inst, Predicate<String> callee) {
        return switch (inst) {
            case Inst.Call c -> callee.test(c.callee());
            case Inst.CallIndirect c -> true;
            case Inst.IntArith a -> a.trap() != null;
            case Inst.ElementAddr ea -> ea.check() != null;
            default -> false;
        };
    }

    private static boolean unwindsOut(Function f, Predicate<String> callee) {
        // Only code that runs counts: the blocks reached from the entry, and the cleanup
        // code of landing pads that something reached may unwind to. A pad nothing reaches
        // (its calls, recursive ones included, cannot unwind after all) must not make the
        // function unwind by its `resume`, or by the drops in it.
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
        Set<Integer> live = new HashSet<>();
        work.add(0);
        while (!work.isEmpty()) {
            int id = work.poll();
            if (!live.add(id)) continue;
            Block b = f.blocks().get(id);
            if (b.terminator instanceof Terminator.Resume) return true;
            boolean unwinds = false;
            for (Inst inst : b.insts) if (mayUnwind(inst, callee)) unwinds = true;
            if (unwinds) {
                if (b.unwind == Block.NONE) return true;
                work.add(b.unwind);
            }
            switch (b.terminator) {
                case Terminator.Jump j -> work.add(j.target());
                case Terminator.Branch br -> { work.add(br.ifTrue()); work.add(br.ifFalse()); }
                default -> {}
            }
        }
        return false;
    }

    /** The symbols of the module's functions that may unwind, for tests and tools. */
    public List<String> unwindingFunctions(TirModule m) {
        return m.functions().stream().map(Function::symbol).filter(unwinding::contains).toList();
    }
}
