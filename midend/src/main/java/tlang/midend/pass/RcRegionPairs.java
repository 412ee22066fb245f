package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.Unwinding;
import tlang.midend.tir.Value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cancels a `trt_rc_retain(x)` against the releases of that copy across blocks, when no
 * count of anything can fall while the copy lives: the copy of a field bound by `if let
 * Some(l) = self.left` around the recursive `l.check()` of binary-trees, released after
 * the call and in the landing pad of the call.
 *
 * <p><b>The region.</b> From the retain, every path — along jumps and branches, and along
 * unwind edges from each instruction that may unwind — must reach a release of the copy: of
 * x itself, or of a load of a slot known to hold x (a private slot stored with x, or loaded
 * to give x, and not overwritten since; a slot passed to a call stays known only when the
 * callee never writes through that parameter, {@link ParamWrites}). No path may return,
 * resume, come back to the retain or stop at `unreachable` first. The region must be
 * entered only through the retain: each of its blocks is reached only from the region
 * (jumps, and unwind edges from the region's own instructions). Inside it nothing may
 * <i>decrement</i> a count — no `trt_rc_release`, no call of a function that may, no
 * indirect call — nor read one ({@link RcEffects#observes}), nor catch a panic.
 *
 * <p><b>Why it is sound.</b> x was alive at the retain, held by a count somewhere (it is
 * being copied). While nothing decrements any count, that count stays, so x is not freed
 * and no drop runs whether or not the copy holds a count of its own; the removed releases
 * were never x's last, since the count they would have given up was the copy's. After the
 * region the counts are the same as before. A panic inside the region may run the panic
 * hook (user code, which may release anything) before it unwinds; from there the paths go
 * through landing pads, which may do nothing before the removed release (any other release
 * ends the attempt), so nothing reads x after the hook.
 *
 * <p><b>Which functions decrement nothing.</b> A call inside the region is allowed when
 * its callee never decrements a count. That is decided for the module as transformed: start
 * by assuming it of every function, cancel what that allows, then drop every function whose
 * transformed body still releases, calls a function outside the set, calls indirectly or
 * catches, and repeat from the original module until the set stands. In the final program
 * every function of the set has no decrementing instruction at all, so its calls are what
 * the regions assumed: binary-trees' `check`, once its own pairs are gone, releases nothing,
 * and its recursive calls may sit inside its regions.
 */
public final class RcRegionPairs implements ModulePass {
    /** False under `--panic=abort`: nothing unwinds, a panic ends the process. */
    private final boolean unwinds;

    public RcRegionPairs() { this(true); }

    public RcRegionPairs(boolean unwinds) { this.unwinds = unwinds; }

    @Override public String name() { return "rc-region-pairs"; }

    @Override
    public TirModule run(TirModule m) {
        RcEffects effects = RcEffects.of(m);
        ParamWrites writes = ParamWrites.of(m);
        Unwinding unwinding = unwinds ? Unwinding.of(m) : null;
        Set<String> quiet = new HashSet<>();
        for (Function f : m.functions()) quiet.add(f.symbol());
        while (true) {
            Facts facts = new Facts(effects, writes, unwinding, quiet);
            List<Function> out = new ArrayList<>();
            Set<String> stillQuiet = new HashSet<>();
            for (Function f : m.functions()) {
                Function g = transform(f, facts);
                out.add(g);
                if (quiet.contains(g.symbol()) && decrementsNothing(g, facts)) stillQuiet.add(g.symbol());
            }
            if (stillQuiet.equals(quiet)) return new TirModule(m.name(), m.externs(), out);
            quiet = stillQuiet;
        }
    }

    /** What the regions may assume of calls; {@code quiet}: the module functions taken to decrement nothing. */
    private record Facts(RcEffects effects, ParamWrites writes, Unwinding unwinding, Set<String> quiet) {
        /** Whether {@code inst} may decrement a count (run drops, free an object). */
        boolean decrements(Inst inst) {
            return switch (inst) {
                case Inst.Call c -> effects.isDefined(c.callee()) ? !quiet.contains(c.callee()) : effects.releases(c.callee());
                case Inst.CallIndirect c -> true;
                default -> false;
            };
        }

        boolean mayUnwind(Inst inst) { return unwinding != null && unwinding.mayUnwind(inst); }
    }

    private static boolean decrementsNothing(Function f, Facts facts) {
        for (Block b : f.blocks()) {
            if (b.isLandingPad() && b.landingPad().catches()) return false;
            for (Inst inst : b.insts) if (facts.decrements(inst)) return false;
        }
        return true;
    }

    private Function transform(Function f, Facts facts) {
        List<Block> blocks = Block.copies(f.blocks());
        Set<Integer> slots = BorrowParams.privateSlots(f);
        Map<Integer, List<Integer>> preds = predecessors(blocks);
        boolean changed = false;
        for (Block b : blocks) {
            for (int i = 0; i < b.insts.size(); i++) {
                if (!RcPairs.isRetain(b.insts.get(i))) continue;
                List<Site> ends = region(blocks, preds, b, i, slots, facts);
                if (ends == null) continue;
                // Remove the releases from the back of each block, then the retain.
                ends.sort((x, y) -> x.block != y.block ? Integer.compare(x.block, y.block) : Integer.compare(y.index, x.index));
                for (Site s : ends) blocks.get(s.block).insts.remove(s.index);
                b.insts.remove(i);
                i--;
                changed = true;
            }
        }
        if (!changed) return f;
        return new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), blocks, f.tempCount(), f.exported());
    }

    /** A release that ends the region: instruction {@code index} of block {@code block}. */
    private record Site(int block, int index) {}

    /** Where a path of the region goes on: block {@code block} from instruction {@code from}, with {@code holders} holding x. */
    private record Step(int block, int from, Set<Integer> holders) {}

    /**
     * The releases that end the region of the retain at {@code start.insts[at]}, or null when
     * the retain cannot be cancelled.
     */
    private static List<Site> region(List<Block> blocks, Map<Integer, List<Integer>> preds, Block start, int at,
                                     Set<Integer> slots, Facts facts) {
        Value x = ((Inst.Call) start.insts.get(at)).args().get(0);
        Set<Integer> holders = holdersAt(start, at, x, slots);
        // Per block entered by the region: the holders known on every way in so far.
        Map<Integer, Set<Integer>> entered = new HashMap<>();
        // Per block: where its part of the region stops (an end's index, or its size when the
        // path goes on through the terminator).
        Map<Integer, Integer> stops = new HashMap<>();
        Map<Integer, Site> endOf = new HashMap<>();
        ArrayDeque<Step> work = new ArrayDeque<>();
        work.add(new Step(start.id, at + 1, holders));
        boolean first = true;
        while (!work.isEmpty()) {
            Step step = work.poll();
            Set<Integer> known = new HashSet<>(step.holders());
            if (!first) {
                if (step.block() == start.id) return null; // back at the retain
                Set<Integer> before = entered.get(step.block());
                if (before != null) {
                    if (known.containsAll(before)) continue; // nothing new on this way in
                    known.retainAll(before);
                }
                entered.put(step.block(), Set.copyOf(known));
            }
            first = false;
            Block b = blocks.get(step.block());
            // Temps that are loads of a holder (made while it held x).
            Map<Integer, Integer> loadedFrom = new HashMap<>();
            int stop = -1;
            for (int k = step.from(); k < b.insts.size() && stop < 0; k++) {
                Inst inst = b.insts.get(k);
                // The way a panic leaves this instruction, with what held x before it (the end
                // itself is outside: its unwinding starts after the copy is given up).
                Set<Integer> before = Set.copyOf(known);
                switch (inst) {
                    case Inst.LandingPad lp -> {
                        if (lp.catches()) return null;
                    }
                    case Inst.Load l -> {
                        if (l.slot() instanceof Value.Temp s && known.contains(s.id())) loadedFrom.put(l.result().id(), s.id());
                    }
                    case Inst.Store st -> {
                        if (st.slot() instanceof Value.Temp s) {
                            if (holdsX(st.value(), x, loadedFrom, known)) {
                                if (slots.contains(s.id())) known.add(s.id());
                            } else if (known.remove(s.id())) {
                                loadedFrom.values().removeIf(v -> v == s.id());
                            }
                        }
                    }
                    case Inst.CopyMem c -> forget(c.destination(), known, loadedFrom);
                    case Inst.FieldAddr fa -> forget(fa.pointer(), known, loadedFrom);
                    case Inst.ElementAddr ea -> forget(ea.pointer(), known, loadedFrom);
                    case Inst.Call c when RcPairs.isRelease(c) -> {
                        if (!holdsX(c.args().get(0), x, loadedFrom, known)) return null; // another count falls
                        stop = k;
                        endOf.put(b.id, new Site(b.id, k));
                    }
                    case Inst.Call c -> {
                        if (facts.decrements(c) || facts.effects().observes(c)) return null;
                        for (int a = 0; a < c.args().size(); a++) {
                            if (facts.writes().writes(c.callee(), a)) forget(c.args().get(a), known, loadedFrom);
                        }
                    }
                    case Inst.CallIndirect c -> { return null; }
                    default -> {}
                }
                if (stop < 0 && facts.mayUnwind(inst) && b.unwind != Block.NONE) work.add(new Step(b.unwind, 0, before));
            }
            if (stop >= 0) {
                stops.merge(b.id, stop, Math::min);
                continue;
            }
            stops.put(b.id, b.insts.size());
            switch (b.terminator) {
                case Terminator.Jump j -> work.add(new Step(j.target(), 0, Set.copyOf(known)));
                case Terminator.Branch br -> {
                    work.add(new Step(br.ifTrue(), 0, Set.copyOf(known)));
                    work.add(new Step(br.ifFalse(), 0, Set.copyOf(known)));
                }
                default -> { return null; } // return, resume, unreachable: the copy was not released here
            }
        }
        // A block with an end on one way in and not on another was walked twice differently.
        for (Map.Entry<Integer, Site> e : endOf.entrySet()) {
            if (stops.get(e.getKey()) != e.getValue().index()) return null;
        }
        // Entered only through the retain: every way into a block of the region comes from
        // the region (a jump from a block that goes on through its terminator, an unwind
        // edge from instructions inside the region).
        for (int id : entered.keySet()) {
            for (int p : preds.getOrDefault(id, List.of())) {
                Integer stop = stops.get(p);
                if (stop == null || stop != blocks.get(p).insts.size()) return null;
            }
            for (Block p : blocks) {
                if (p.unwind != id) continue;
                int from = p.id == start.id ? at + 1 : entered.containsKey(p.id) ? 0 : -1;
                Integer stop = stops.get(p.id);
                for (int k = 0; k < p.insts.size(); k++) {
                    if (!facts.mayUnwind(p.insts.get(k))) continue;
                    if (from < 0 || stop == null || k < from || k >= stop) return null;
                }
            }
        }
        return new ArrayList<>(endOf.values());
    }

    /** The private slots that hold x just before {@code b.insts[at]}: stored with x, or loaded to give x, and not overwritten. */
    private static Set<Integer> holdersAt(Block b, int at, Value x, Set<Integer> slots) {
        Set<Integer> holders = new LinkedHashSet<>();
        Set<Integer> overwritten = new HashSet<>();
        for (int k = at - 1; k >= 0; k--) {
            Inst inst = b.insts.get(k);
            if (inst instanceof Inst.Store st && st.slot() instanceof Value.Temp s && slots.contains(s.id())) {
                if (st.value().equals(x) && !overwritten.contains(s.id())) holders.add(s.id());
                overwritten.add(s.id());
            } else if (inst instanceof Inst.Load l && l.result().equals(x) && l.slot() instanceof Value.Temp s
                    && slots.contains(s.id()) && !overwritten.contains(s.id())) {
                holders.add(s.id());
            } else if (inst instanceof Inst.Call || inst instanceof Inst.CallIndirect || inst instanceof Inst.CopyMem
                    || inst instanceof Inst.FieldAddr || inst instanceof Inst.ElementAddr) {
                // A callee or an address into a slot might change it: only what follows counts.
                for (Value v : tlang.midend.tir.TirVerifier.operands(inst)) if (v instanceof Value.Temp t) overwritten.add(t.id());
            }
            if (inst.result() != null && inst.result().equals(x)) break; // x is made here: nothing earlier holds it
        }
        return holders;
    }

    /** Whether {@code v} is x: x itself or a load of a slot that held x when loaded. */
    private static boolean holdsX(Value v, Value x, Map<Integer, Integer> loadedFrom, Set<Integer> known) {
        if (v.equals(x)) return true;
        return v instanceof Value.Temp t && loadedFrom.containsKey(t.id()) && known.contains(loadedFrom.get(t.id()));
    }

    private static void forget(Value address, Set<Integer> known, Map<Integer, Integer> loadedFrom) {
        if (address instanceof Value.Temp t && known.remove(t.id())) loadedFrom.values().removeIf(v -> v == t.id());
    }

    private static Map<Integer, List<Integer>> predecessors(List<Block> blocks) {
        Map<Integer, List<Integer>> preds = new HashMap<>();
        for (Block b : blocks) {
            for (int s : BorrowParams.successors(b.terminator)) preds.computeIfAbsent(s, k -> new ArrayList<>()).add(b.id);
        }
        return preds;
    }
}
