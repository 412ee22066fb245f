package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirModule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who calls whom among a module's own functions (calls to the runtime's extern functions
 * are not edges), with the strongly connected components in bottom-up order: every
 * component comes after the components it calls into, so a pass that walks them in order
 * sees each callee finished before its callers. A function is recursive when its
 * component has more than one member or it calls itself.
 */
final class CallGraph {
    private final Map<String, Set<String>> callees = new LinkedHashMap<>();
    private final Map<String, Integer> callSites = new HashMap<>();
    private final List<List<String>> bottomUp = new ArrayList<>();
    private final Set<String> recursive = new HashSet<>();

    CallGraph(TirModule m) {
        for (Function f : m.functions()) callees.put(f.symbol(), new LinkedHashSet<>());
        for (Function f : m.functions()) {
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    if (inst instanceof Inst.Call c && callees.containsKey(c.callee())) {
                        callees.get(f.symbol()).add(c.callee());
                        callSites.merge(c.callee(), 1, Integer::sum);
                    }
                }
            }
        }
        components();
        for (List<String> scc : bottomUp) {
            if (scc.size() > 1) recursive.addAll(scc);
            else if (callees.get(scc.get(0)).contains(scc.get(0))) recursive.add(scc.get(0));
        }
    }

    /** The components, callees before callers. */
    List<List<String>> bottomUp() { return bottomUp; }

    /** Whether {@code symbol} can reach a call to itself. */
    boolean isRecursive(String symbol) { return recursive.contains(symbol); }

    /** How many call instructions in the module name {@code symbol}. */
    int callSites(String symbol) { return callSites.getOrDefault(symbol, 0); }

    /**
     * Tarjan's algorithm, iterative (call chains in real programs are deep enough to matter
     * for the Java stack). A component is complete when its root is popped, which happens
     * only after every component reachable from it — hence the bottom-up order.
     */
    private void components() {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        int next = 0;
        for (String root : callees.keySet()) {
            if (index.containsKey(root)) continue;
            // Each frame: a function and the iterator over its callees still to visit.
            Deque<Map.Entry<String, java.util.Iterator<String>>> frames = new ArrayDeque<>();
            index.put(root, next); low.put(root, next); next++;
            stack.push(root); onStack.add(root);
            frames.push(Map.entry(root, callees.get(root).iterator()));
            while (!frames.isEmpty()) {
                String v = frames.peek().getKey();
                java.util.Iterator<String> it = frames.peek().getValue();
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        index.put(w, next); low.put(w, next); next++;
                        stack.push(w); onStack.add(w);
                        frames.push(Map.entry(w, callees.get(w).iterator()));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    String parent = frames.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> scc = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        scc.add(w);
                    } while (!w.equals(v));
                    bottomUp.add(scc);
                }
            }
        }
    }
}
