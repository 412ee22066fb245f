package tlang.midend.pass;

import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.ExternFunction;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cost-based inlining of T functions into their callers, before LLVM sees them.
 *
 * <p>Why in the midend when LLVM inlines too: LLVM weighs a function as it looks after our
 * lowering, where every checked operation carries a branch to a panic call, so a small
 * helper with a few checks looks big to it and stays a call — and a call in a hot loop
 * costs far more than the checks (the spectral-norm benchmark: docs/performance.md). Here
 * a check counts as what it is on the hot path, a compare and a branch.
 *
 * <p>The walk is bottom-up over the call graph ({@link CallGraph}): a callee is finished —
 * its own calls inlined or not — before any caller considers it, so its size is final.
 * Functions in a recursive cycle are never inlined (not even into callers outside the
 * cycle); nor are functions that never return (panic paths, cold by nature), nor anything
 * into the program entry (`main` stays a function of its own, as backtraces show it).
 *
 * <p>A call site is inlined when the callee's {@link InlineCost} minus the call's own cost
 * is at most a threshold, which rises for leaf callees (nothing but panics called), for each
 * constant argument (folding will shrink the copy) and, much further, for a callee called
 * from this one site only (the original is then dropped, so the program does not grow).
 * Each caller has a size budget besides: it may grow by a bounded amount, and never past a
 * cap. Functions that lose their last caller here are dropped; every T function but the
 * program entry has internal linkage (llvm-backend's LlvmEmitter), so nothing outside can
 * call them.
 */
public final class Inline implements ModulePass {
    /**
     * The knobs: {@code threshold} for a plain callee; {@code leafBonus} and
     * {@code constantArgumentBonus} added to it; {@code singleSiteThreshold} for a callee
     * with one call site; a caller grows by at most {@code callerGrowth} and never past
     * {@code callerCap} (in {@link InlineCost} units).
     */
    public record Limits(int threshold, int leafBonus, int constantArgumentBonus, int singleSiteThreshold,
                         int callerGrowth, int callerCap) {
        public static final Limits DEFAULT = new Limits(40, 30, 10, 300, 400, 3000);
    }

    private final Limits limits;

    public Inline() { this(Limits.DEFAULT); }

    public Inline(Limits limits) { this.limits = limits; }

    @Override public String name() { return "inline"; }

    @Override
    public TirModule run(TirModule m) {
        CallGraph graph = new CallGraph(m);
        Map<String, Function> functions = new LinkedHashMap<>();
        for (Function f : m.functions()) functions.put(f.symbol(), f);
        Set<String> noReturnExterns = new HashSet<>();
        for (ExternFunction e : m.externs()) if (e.noReturn()) noReturnExterns.add(e.symbol());
        Map<String, Integer> costs = new HashMap<>();
        for (List<String> component : graph.bottomUp()) {
            for (String symbol : component) {
                Function f = functions.get(symbol);
                if (!symbol.equals(RuntimeAbi.ENTRY)) f = inlineInto(f, functions, costs, graph, noReturnExterns);
                functions.put(symbol, f);
                costs.put(symbol, InlineCost.of(f));
            }
        }
        return new TirModule(m.name(), m.externs(), dropUncalled(functions, graph));
    }

    private Function inlineInto(Function f, Map<String, Function> functions, Map<String, Integer> costs,
                                CallGraph graph, Set<String> noReturnExterns) {
        int size = InlineCost.of(f);
        int budget = Math.min(size + limits.callerGrowth(), Math.max(limits.callerCap(), size));
        CallSiteInliner inliner = new CallSiteInliner(f);
        boolean changed = false;
        List<Block> blocks = inliner.blocks();
        for (int id = 0; id < blocks.size(); id++) {
            if (inliner.isCopy(id)) continue;
            Block b = blocks.get(id);
            for (int i = 0; i < b.insts.size(); ) {
                if (!(b.insts.get(i) instanceof Inst.Call call) || !functions.containsKey(call.callee())) { i++; continue; }
                Function callee = functions.get(call.callee());
                int growth = costs.getOrDefault(callee.symbol(), 0) - InlineCost.ofCall(call);
                if (!inlinable(f, callee, graph) || growth > threshold(call, callee, graph, noReturnExterns)
                        || size + growth > budget) {
                    i++;
                    continue;
                }
                size += growth;
                changed = true;
                i = inliner.inline(id, i, callee);
                if (i < 0) break; // the caller's rest moved to a new block, visited in turn
            }
        }
        return changed ? inliner.finish() : f;
    }

    private static boolean inlinable(Function caller, Function callee, CallGraph graph) {
        return !callee.symbol().equals(caller.symbol()) && !graph.isRecursive(callee.symbol())
                && !callee.noReturn() && !callee.symbol().equals(RuntimeAbi.ENTRY) && CallSiteInliner.canInline(callee);
    }

    private int threshold(Inst.Call call, Function callee, CallGraph graph, Set<String> noReturnExterns) {
        int t = limits.threshold();
        if (isLeaf(callee, noReturnExterns)) t += limits.leafBonus();
        for (Value a : call.args()) if (!(a instanceof Value.Temp) && !(a instanceof Value.Param)) t += limits.constantArgumentBonus();
        if (graph.callSites(callee.symbol()) == 1) t = Math.max(t, limits.singleSiteThreshold());
        return t;
    }

    /** Calls nothing but functions that never return (panics): no call on any path that returns. */
    private static boolean isLeaf(Function f, Set<String> noReturnExterns) {
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) if (inst instanceof Inst.Call c && !noReturnExterns.contains(c.callee())) return false;
        }
        return true;
    }

    /**
     * The functions with the ones that had callers before inlining and have none now left
     * out, repeatedly (a dropped function's calls go with it). Functions nobody called to
     * begin with stay: they are not this pass's to judge.
     */
    private static List<Function> dropUncalled(Map<String, Function> functions, CallGraph before) {
        Map<String, Function> kept = new LinkedHashMap<>(functions);
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> called = new HashSet<>();
            for (Function f : kept.values()) {
                for (Block b : f.blocks()) {
                    for (Inst inst : b.insts) {
                        if (inst instanceof Inst.Call c) called.add(c.callee());
                        // A function whose address is taken stays: it may be called through it.
                        for (Value v : DeadCodeElimination.operands(inst)) {
                            if (v instanceof Value.FuncRef r) called.add(r.symbol());
                            if (v instanceof Value.Vtable t) called.addAll(t.methods());
                            if (v instanceof Value.TypeInfo t && t.drop() != null) called.add(t.drop());
                        }
                    }
                    for (Value v : DeadCodeElimination.operands(b.terminator)) if (v instanceof Value.FuncRef r) called.add(r.symbol());
                }
            }
            for (String symbol : new ArrayList<>(kept.keySet())) {
                if (before.callSites(symbol) > 0 && !called.contains(symbol) && !symbol.equals(RuntimeAbi.ENTRY) && !kept.get(symbol).exported()) {
                    kept.remove(symbol);
                    changed = true;
                }
            }
        }
        return new ArrayList<>(kept.values());
    }
}
