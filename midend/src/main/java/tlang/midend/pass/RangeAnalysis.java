package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Value;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ranges of integer values in one function, for {@link RangeCheckElimination}: for each
 * block reached, the range of every <em>variable</em> on entry — the private integer slots
 * (whose address is only loaded from and stored to, so a store is the only way to change
 * them; values cross blocks through these) and the integer parameters (which never change,
 * but branches tell things about them). Inside a block, {@link BlockRanges} follows each
 * instruction.
 *
 * <p>A forward data-flow analysis to a fixed point, blocks in reverse postorder: the state
 * entering a block is the union of the states on the edges into it, each narrowed by the
 * branch condition that chose the edge ({@code i < n} bounds {@code i} by {@code n}'s
 * largest value on the true edge), with the relations between variables ({@link
 * RangeState}) that hold on all of them. Landing pads, entered from anywhere in the blocks
 * that unwind to them, start with nothing known. Loops would take as many rounds as they
 * iterate, so after a few changes of a loop head's state a growing bound jumps to the next
 * constant of the function (a loop bound, an array length, one past either), and after a
 * few more to its type's end; since every range only grows and relations only go, this
 * ends. The state is a fixed point only when no edge adds to any block: then it covers
 * every execution, which is what makes removing a check on its word sound. A few rounds of
 * narrowing then take back what widening overshot. A function that would take too long is
 * left alone.
 */
final class RangeAnalysis {
    /** Changes of a block's entry state joined plainly, before widening. */
    private static final int PLAIN_JOINS = 4;
    /** Further changes that widen to the next constant, before widening to the type's ends. */
    private static final int THRESHOLD_STEPS = 8;
    /** Rounds of narrowing after the fixed point. */
    private static final int NARROWING_ROUNDS = 3;
    /** Work (instructions and variables walked) after which a function is left alone. */
    private static final long BUDGET = 4_000_000;

    private final Variables variables;
    private final RangeState[] entry;

    private RangeAnalysis(Variables variables, RangeState[] entry) {
        this.variables = variables;
        this.entry = entry;
    }

    /**
     * The variables whose ranges flow between blocks: integer slots used only as the address
     * of loads and stores of their own type, and integer parameters. Numbered from 0.
     */
    static final class Variables {
        private final Map<Integer, Integer> slots = new HashMap<>();
        private final int[] params;
        private final List<TirType.Int> types = new ArrayList<>();
        private final Map<Integer, Value.Param> paramValues = new HashMap<>();
        private final Set<Integer> conditions = new HashSet<>();

        static Variables of(Function f) { return new Variables(f); }

        private Variables(Function f) {
            Set<Integer> private_ = ConstantFold.privateSlots(f);
            Map<Integer, TirType> slotTypes = new HashMap<>();
            Set<Integer> mistyped = new HashSet<>();
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) if (inst instanceof Inst.Slot s) slotTypes.put(s.result().id(), s.slotType());
            }
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    if (inst instanceof Inst.Load l && l.slot() instanceof Value.Temp t) note(mistyped, slotTypes, t.id(), l.type());
                    if (inst instanceof Inst.Store s && s.slot() instanceof Value.Temp t) note(mistyped, slotTypes, t.id(), s.value().type());
                }
            }
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    if (!(inst instanceof Inst.Slot s) || !private_.contains(s.result().id()) || mistyped.contains(s.result().id())) continue;
                    if (s.slotType() instanceof TirType.Int t && Interval.known(t) && !slots.containsKey(s.result().id())) {
                        slots.put(s.result().id(), types.size());
                        types.add(t);
                    }
                    if (s.slotType() == TirType.BOOL) conditions.add(s.result().id());
                }
            }
            params = new int[f.params().size()];
            for (int i = 0; i < params.length; i++) {
                params[i] = -1;
                if (f.params().get(i) instanceof TirType.Int t && Interval.known(t)) {
                    params[i] = types.size();
                    paramValues.put(types.size(), new Value.Param(i, t));
                    types.add(t);
                }
            }
        }

        private static void note(Set<Integer> mistyped, Map<Integer, TirType> slotTypes, int slot, TirType used) {
            TirType declared = slotTypes.get(slot);
            if (declared != null && !declared.equals(used)) mistyped.add(slot);
        }

        /** The variable of slot {@code id}, or -1. */
        int slot(int id) { return slots.getOrDefault(id, -1); }

        /** Whether slot {@code id} is a private bool slot: a condition stored for a later branch. */
        boolean condition(int id) { return conditions.contains(id); }

        /** The variable of a parameter, or -1. */
        int param(Value.Param p) {
            if (p.index() < 0 || p.index() >= params.length || params[p.index()] < 0) return -1;
            return types.get(params[p.index()]).equals(p.type()) ? params[p.index()] : -1;
        }

        /** The parameter that variable {@code var} is, or null for a slot's. */
        Value.Param paramOf(int var) { return paramValues.get(var); }

        TirType.Int type(int var) { return types.get(var); }

        int size() { return types.size(); }

        /** Nothing known: every variable anywhere in its type. */
        Interval[] unknown() {
            Interval[] all = new Interval[types.size()];
            for (int i = 0; i < all.length; i++) all[i] = Interval.of(types.get(i));
            return all;
        }
    }

    /**
     * A block that only branches on a bool slot: it loads the slot (and may negate it) and
     * branches on that; {@code ifTrue} is where it goes when the slot holds true. `&&` and
     * `||` join their halves in one.
     */
    record Test(int slot, int ifTrue, int ifFalse) {}

    /** The analysis of {@code f}; every block unreached when the function is left alone. */
    static RangeAnalysis of(Function f) {
        Variables variables = Variables.of(f);
        List<Block> blocks = f.blocks();
        int n = blocks.size();
        RangeState[] entry = new RangeState[n];
        if (!wellFormed(blocks)) return new RangeAnalysis(variables, entry);
        Test[] tests = tests(blocks, variables);
        List<List<Integer>> successors = successors(blocks, tests);
        int[] rank = reversePostorder(blocks, successors);
        boolean[] loopHead = loopHeads(blocks, rank, successors);
        NavigableSet<BigInteger> thresholds = thresholds(f);
        TreeSet<Integer> work = new TreeSet<>((a, b) -> rank[a] != rank[b] ? Integer.compare(rank[a], rank[b]) : Integer.compare(a, b));
        int[] changes = new int[n];
        entry[0] = RangeState.of(variables.unknown());
        work.add(0);
        for (Block b : blocks) {
            if (b.isLandingPad() && b.id != 0) {
                entry[b.id] = RangeState.of(variables.unknown());
                work.add(b.id);
            }
        }
        long budget = BUDGET;
        Incoming incoming = new Incoming(n);
        while (!work.isEmpty()) {
            Block b = blocks.get(work.pollFirst());
            budget -= b.insts.size() + 2L * variables.size() + 1;
            if (budget < 0) return new RangeAnalysis(variables, new RangeState[n]);
            for (BlockRanges.Edge e : walk(b, entry[b.id], variables, tests, incoming)) {
                RangeState old = entry[e.target()];
                RangeState next = old == null ? e.state()
                        : merge(old, e.state(), loopHead[e.target()] ? changes[e.target()] : 0, variables, thresholds);
                if (!next.equals(old)) {
                    entry[e.target()] = next;
                    changes[e.target()]++;
                    work.add(e.target());
                }
            }
        }
        narrow(blocks, entry, rank, Loop.find(blocks, rank, loopHead, successors, variables), variables, tests, incoming);
        return new RangeAnalysis(variables, entry);
    }

    /**
     * Takes back what widening gave away: each block's state becomes what its edges bring
     * now, where that is less (the loop head widened to `[0, MAX]` gets `[0, 100]` back from
     * the back edge once the body's bounds check has had its say). Every state here covers
     * every execution, so what the edges compute from them does too, and so does the
     * intersection of both; a few rounds in reverse postorder suffice for nested loops.
     *
     * <p>A variable a loop never stores keeps, at the loop's head, the value it had when
     * control came in (when the loop is entered only through its head): its range there is
     * what the edges from outside bring. Narrowing alone cannot find that — the back edge
     * hands the head its own widened range back — and it is what bounds an outer loop's
     * counter inside an inner loop.
     */
    private static void narrow(List<Block> blocks, RangeState[] entry, int[] rank, Map<Integer, Loop> loops, Variables variables,
                               Test[] tests, Incoming incoming) {
        List<Block> order = new ArrayList<>();
        for (Block b : blocks) if (entry[b.id] != null) order.add(b);
        order.sort((a, b) -> Integer.compare(rank[a.id], rank[b.id]));
        for (int round = 0; round < NARROWING_ROUNDS; round++) {
            boolean changed = false;
            for (Block b : order) {
                if (b.id != 0 && !b.isLandingPad() && entry[b.id] != null) {
                    RangeState joined = null, outside = null;
                    Loop loop = loops.get(b.id);
                    for (Map.Entry<Integer, List<RangeState>> in : incoming.into(b.id).entrySet()) {
                        for (RangeState s : in.getValue()) {
                            joined = joined == null ? s : merge(joined, s, 0, variables, null);
                            if (loop != null && !loop.body().get(in.getKey())) outside = outside == null ? s : merge(outside, s, 0, variables, null);
                        }
                    }
                    RangeState next = joined == null ? null : narrowed(entry[b.id], joined);
                    if (next != null && outside != null) next = invariants(next, outside, loop);
                    if (next == null || !next.equals(entry[b.id])) changed = true;
                    entry[b.id] = next;
                }
                if (entry[b.id] != null) walk(b, entry[b.id], variables, tests, incoming);
                else incoming.forget(b.id);
            }
            if (!changed) return;
        }
    }

    /** {@code state} with each variable {@code loop} never stores cut to its range on the edges from outside. */
    private static RangeState invariants(RangeState state, RangeState outside, Loop loop) {
        Interval[] r = state.ranges.clone();
        for (int v = 0; v < r.length; v++) {
            if (loop.stored().get(v)) continue;
            Interval both = r[v].meet(outside.ranges[v]);
            if (both != null) r[v] = both;
        }
        return state.withRanges(r);
    }

    /**
     * The blocks of the cycles through a loop head (reached from the head, and reaching one
     * of its back edges, without passing it again) and the variables they store; only
     * loops entered through their head alone (no other block of the body has a predecessor
     * outside it, none is the function's entry or a landing pad).
     */
    private record Loop(BitSet body, BitSet stored) {
        static Map<Integer, Loop> find(List<Block> blocks, int[] rank, boolean[] heads, List<List<Integer>> successors, Variables variables) {
            int n = blocks.size();
            List<List<Integer>> predecessors = new ArrayList<>();
            for (int i = 0; i < n; i++) predecessors.add(new ArrayList<>());
            for (int i = 0; i < n; i++) for (int s : successors.get(i)) predecessors.get(s).add(i);
            Map<Integer, Loop> loops = new HashMap<>();
            for (int h = 0; h < n; h++) {
                if (!heads[h] || rank[h] == Integer.MAX_VALUE) continue;
                List<Integer> latches = new ArrayList<>();
                for (int p : predecessors.get(h)) if (rank[p] != Integer.MAX_VALUE && rank[p] >= rank[h]) latches.add(p);
                BitSet body = reach(h, List.of(h), successors, n, true);
                body.and(reach(h, latches, predecessors, n, false));
                body.set(h);
                boolean closed = !body.get(0);
                BitSet stored = new BitSet(variables.size());
                for (int b = body.nextSetBit(0); b >= 0; b = body.nextSetBit(b + 1)) {
                    if (blocks.get(b).isLandingPad()) closed = false;
                    if (b != h) for (int p : predecessors.get(b)) if (!body.get(p)) closed = false;
                    for (Inst inst : blocks.get(b).insts) {
                        if (inst instanceof Inst.Store st && st.slot() instanceof Value.Temp t && variables.slot(t.id()) >= 0) stored.set(variables.slot(t.id()));
                    }
                }
                if (closed) loops.put(h, new Loop(body, stored));
            }
            return loops;
        }

        /**
         * The blocks reached from {@code from} along {@code edges} without passing
         * {@code head}: it is left only when {@code leaveHead} (the search forward from it).
         */
        private static BitSet reach(int head, List<Integer> from, List<List<Integer>> edges, int n, boolean leaveHead) {
            BitSet seen = new BitSet(n);
            Deque<Integer> work = new ArrayDeque<>();
            for (int b : from) {
                seen.set(b);
                work.push(b);
            }
            while (!work.isEmpty()) {
                int b = work.pop();
                if (b == head && !leaveHead) continue;
                for (int next : edges.get(b)) {
                    if (next != head && !seen.get(next)) {
                        seen.set(next);
                        work.push(next);
                    }
                }
            }
            return seen;
        }
    }

    /** Each range of {@code old} cut to {@code now}'s, with {@code now}'s relations. */
    private static RangeState narrowed(RangeState old, RangeState now) {
        Interval[] r = new Interval[old.ranges.length];
        for (int v = 0; v < r.length; v++) {
            Interval both = old.ranges[v].meet(now.ranges[v]);
            r[v] = both != null ? both : now.ranges[v];
        }
        return now.withRanges(r);
    }

    /** Steps through block {@code b} from {@code state}; records and returns the states on its edges. */
    private static List<BlockRanges.Edge> walk(Block b, RangeState state, Variables variables, Test[] tests, Incoming incoming) {
        BlockRanges ranges = new BlockRanges(variables, state);
        for (Inst inst : b.insts) ranges.step(inst);
        List<BlockRanges.Edge> edges = ranges.edges(b.terminator, id -> tests[id]);
        incoming.forget(b.id);
        for (BlockRanges.Edge e : edges) incoming.add(b.id, e);
        return edges;
    }

    /** What each block's last walk sent along its edges, by target. */
    private static final class Incoming {
        private final List<Map<Integer, List<RangeState>>> byTarget = new ArrayList<>();
        private final List<Set<Integer>> targets = new ArrayList<>();

        Incoming(int blocks) {
            for (int i = 0; i < blocks; i++) {
                byTarget.add(new HashMap<>());
                targets.add(new HashSet<>());
            }
        }

        void add(int source, BlockRanges.Edge e) {
            byTarget.get(e.target()).computeIfAbsent(source, k -> new ArrayList<>()).add(e.state());
            targets.get(source).add(e.target());
        }

        void forget(int source) {
            for (int t : targets.get(source)) byTarget.get(t).remove(source);
            targets.get(source).clear();
        }

        /** The states sent to {@code target}, by the block that sent them. */
        Map<Integer, List<RangeState>> into(int target) { return byTarget.get(target); }
    }

    /** What is known on entry to block {@code id}, to step through its instructions; null when no path reaches it. */
    BlockRanges enter(int id) {
        return id >= 0 && id < entry.length && entry[id] != null ? new BlockRanges(variables, entry[id]) : null;
    }

    /**
     * The old state joined with an edge's, widened once a loop head's state has changed
     * often ({@code changes}; 0 elsewhere). Only loop heads widen: every cycle passes through
     * one, and a block inside the loop keeps the bound its branch gave it (widening there
     * would push `i < n`'s `n - 1` back to the type's end). Relations stay where both agree.
     */
    private static RangeState merge(RangeState old, RangeState incoming, int changes, Variables variables, NavigableSet<BigInteger> thresholds) {
        Interval[] out = new Interval[old.ranges.length];
        for (int v = 0; v < out.length; v++) {
            Interval joined = old.ranges[v].join(incoming.ranges[v]);
            if (changes >= PLAIN_JOINS && !joined.equals(old.ranges[v])) {
                joined = widen(old.ranges[v], joined, Interval.of(variables.type(v)), changes >= PLAIN_JOINS + THRESHOLD_STEPS ? null : thresholds);
            }
            out[v] = joined;
        }
        return old.sharedRelations(incoming, out);
    }

    /** Moves each bound that grew to the next threshold past it, or (without thresholds) to the type's end. */
    private static Interval widen(Interval old, Interval grown, Interval whole, NavigableSet<BigInteger> thresholds) {
        BigInteger lo = grown.lo(), hi = grown.hi();
        if (lo.compareTo(old.lo()) < 0) {
            BigInteger t = thresholds == null ? null : thresholds.floor(lo);
            lo = t == null ? whole.lo() : t.max(whole.lo());
        }
        if (hi.compareTo(old.hi()) > 0) {
            BigInteger t = thresholds == null ? null : thresholds.ceiling(hi);
            hi = t == null ? whole.hi() : t.min(whole.hi());
        }
        return new Interval(lo, hi);
    }

    /** The integer constants of the function and the lengths of its arrays, each with its neighbours. */
    private static NavigableSet<BigInteger> thresholds(Function f) {
        TreeSet<BigInteger> out = new TreeSet<>();
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) {
                for (Value v : DeadCodeElimination.operands(inst)) {
                    if (v instanceof Value.IntConst c && c.type() instanceof TirType.Int t && Interval.known(t)) around(out, ConstantFold.value(c.value(), t));
                }
                if (inst instanceof Inst.ElementAddr ea) around(out, BigInteger.valueOf(ea.type().length()));
            }
        }
        return out;
    }

    private static void around(Set<BigInteger> out, BigInteger v) {
        out.add(v.subtract(BigInteger.ONE));
        out.add(v);
        out.add(v.add(BigInteger.ONE));
    }

    /** The blocks that only branch on a private bool slot (or on its negation, as `!(a || b)` does). */
    private static Test[] tests(List<Block> blocks, Variables variables) {
        Test[] tests = new Test[blocks.size()];
        for (Block b : blocks) {
            if (b.id == 0 || b.insts.isEmpty() || b.insts.size() > 2 || !(b.insts.get(0) instanceof Inst.Load l)
                    || !(l.slot() instanceof Value.Temp slot) || !variables.condition(slot.id()) || !(b.terminator instanceof Terminator.Branch br)) {
                continue;
            }
            if (b.insts.size() == 1 && br.condition().equals(l.result())) {
                tests[b.id] = new Test(slot.id(), br.ifTrue(), br.ifFalse());
            } else if (b.insts.size() == 2 && b.insts.get(1) instanceof Inst.Not not && not.operand().equals(l.result())
                    && br.condition().equals(not.result())) {
                tests[b.id] = new Test(slot.id(), br.ifFalse(), br.ifTrue());
            }
        }
        return tests;
    }

    /**
     * Each block's successors as the analysis may follow them: its terminator's targets,
     * and past a target that only tests a bool slot, that block's own targets (where the
     * edge may go on to).
     */
    private static List<List<Integer>> successors(List<Block> blocks, Test[] tests) {
        List<List<Integer>> all = new ArrayList<>();
        for (Block b : blocks) {
            List<Integer> out = new ArrayList<>(successors(b.terminator));
            for (int s : successors(b.terminator)) {
                if (tests[s] != null) {
                    out.add(tests[s].ifTrue());
                    out.add(tests[s].ifFalse());
                }
            }
            all.add(out);
        }
        return all;
    }

    /**
     * The targets of retreating edges (from a block at or after them in reverse postorder),
     * edges through test blocks included: every cycle the analysis may follow has one.
     */
    private static boolean[] loopHeads(List<Block> blocks, int[] rank, List<List<Integer>> successors) {
        boolean[] heads = new boolean[blocks.size()];
        for (Block b : blocks) {
            if (rank[b.id] == Integer.MAX_VALUE) continue;
            for (int s : successors.get(b.id)) if (rank[b.id] >= rank[s]) heads[s] = true;
        }
        return heads;
    }

    /** Whether blocks sit at their ids and every edge leads to one (the verifier's word; the pass may run without it). */
    private static boolean wellFormed(List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.id != i || b.terminator == null) return false;
            for (int s : successors(b.terminator)) if (s < 0 || s >= blocks.size()) return false;
        }
        return !blocks.isEmpty();
    }

    /** Each block's position in a reverse postorder from the entry and the landing pads; unreached blocks last. */
    private static int[] reversePostorder(List<Block> blocks, List<List<Integer>> successors) {
        int n = blocks.size();
        int[] rank = new int[n];
        Arrays.fill(rank, Integer.MAX_VALUE);
        boolean[] seen = new boolean[n];
        List<Integer> post = new ArrayList<>();
        List<Integer> roots = new ArrayList<>(List.of(0));
        for (Block b : blocks) if (b.isLandingPad()) roots.add(b.id);
        for (int root : roots) {
            if (seen[root]) continue;
            // Iterative depth-first search: a frame is a block and the index of its next successor.
            Deque<int[]> stack = new ArrayDeque<>();
            stack.push(new int[]{root, 0});
            seen[root] = true;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Integer> next = successors.get(top[0]);
                if (top[1] < next.size()) {
                    int s = next.get(top[1]++);
                    if (!seen[s]) {
                        seen[s] = true;
                        stack.push(new int[]{s, 0});
                    }
                } else {
                    post.add(stack.pop()[0]);
                }
            }
        }
        for (int i = 0; i < post.size(); i++) rank[post.get(i)] = post.size() - 1 - i;
        return rank;
    }

    private static List<Integer> successors(Terminator t) {
        return switch (t) {
            case Terminator.Jump j -> List.of(j.target());
            case Terminator.Branch br -> List.of(br.ifTrue(), br.ifFalse());
            default -> List.of();
        };
    }
}
