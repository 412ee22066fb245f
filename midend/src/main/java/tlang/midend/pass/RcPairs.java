package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.Unwinding;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cancels a `trt_rc_retain(x)` against the `trt_rc_release` of the same reference that
 * follows it on every path, when nothing in between can tell: the lowering's copy of a
 * value (reading a variable or a field) that is released again at the end of its scope,
 * with only reads of the object, arithmetic and calls that touch no count in between.
 *
 * <p>What is proved, for a retain A of x: from A, every path reaches a release B of a value
 * that holds x too (the same temp, or a load of a private slot place that holds it:
 * {@link RcMemory}), before any `return`, `resume` or way back to A; the blocks between
 * (the *region*) are entered only through A (each one's predecessors are in the region); and
 * no instruction in the region may release a reference or read a count ({@link RcEffects}:
 * no other `trt_rc_release`, no call of a function that may release or run a drop, no
 * indirect call, no `strong_count`). Then no count goes down between A and B, so the
 * object stays alive with one count less, nothing sees the difference, and after B the
 * counts are as before. B's release could not have been the last (A's count was still
 * held), so no drop moves: drops run exactly where they did.
 *
 * <p>Unwinding: a region instruction that may unwind leaves through its block's unwind edge
 * with one count of x fewer than before, and the cleanup it reaches still releases x.
 * So those blocks get a new landing pad that retains x again (loaded from a slot that holds
 * it at every such instruction: one the region already has, or a new `rc.pin` slot stored
 * at A) and then goes on to the old pad's code — or resumes, for a block that had no pad.
 * The counts while unwinding are then exactly the original ones. Where A's or B's own
 * block may unwind inside the region (the edge would cover instructions outside it too),
 * the pair stays.
 *
 * <p>After the pass, such a pad's retain usually meets the release of the same slot at the
 * start of the old pad's code; once simplify-cfg has merged the two blocks, the next run
 * cancels them too.
 */
public final class RcPairs implements ModulePass {
    /** The most blocks one region may have (compile time). */
    private static final int MAX_REGION = 200;
    /** The most pairs cancelled in one function (compile time). */
    private static final int MAX_ROUNDS = 2000;
    private static final boolean DEBUG = System.getenv("T_RC_DEBUG") != null;

    /** False under `--panic=abort`: nothing unwinds, no pad needs a count back. */
    private final boolean unwinds;

    public RcPairs() { this(true); }

    public RcPairs(boolean unwinds) { this.unwinds = unwinds; }

    @Override public String name() { return "rc-pairs"; }

    @Override
    public TirModule run(TirModule m) {
        RcEffects effects = RcEffects.of(m);
        Unwinding unwinding = Unwinding.of(m);
        List<Function> out = new ArrayList<>();
        for (Function f : m.functions()) out.add(new Work(f, effects, unwinds ? unwinding : null).run());
        return new TirModule(m.name(), m.externs(), out);
    }

    /** One function being rewritten. */
    private static final class Work {
        final Function f;
        final RcEffects effects;
        final Unwinding unwinding;
        final List<Block> blocks;
        int temps;

        Work(Function f, RcEffects effects, Unwinding unwinding) {
            this.f = f;
            this.effects = effects;
            this.unwinding = unwinding;
            this.blocks = new ArrayList<>(f.blocks());
            this.temps = f.tempCount();
        }

        Function run() {
            for (int round = 0; round < MAX_ROUNDS; round++) if (!once()) break;
            return new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), List.copyOf(blocks), temps);
        }

        /** Finds one pair and cancels it; false when there is none. */
        boolean once() {
            cleanup = null;
            Function current = new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), blocks, temps);
            RcMemory memory = new RcMemory(current, effects);
            RcMemory.Analysis global = null;
            Map<Integer, List<Integer>> preds = predecessors();
            for (Block b : blocks) {
                for (int i = 0; i < b.insts.size(); i++) {
                    if (!isRetain(b.insts.get(i))) continue;
                    if (global == null) global = memory.analyze(blocks);
                    if (!global.in().containsKey(b.id)) continue; // unreachable
                    for (Mode mode : Mode.values()) {
                        Plan p = plan(memory, global, preds, b, i, mode);
                        if (p != null) {
                            apply(p);
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        Map<Integer, List<Integer>> predecessors() {
            Map<Integer, List<Integer>> preds = new HashMap<>();
            for (Block b : blocks) for (int s : successors(b.terminator)) preds.computeIfAbsent(s, k -> new ArrayList<>()).add(b.id);
            return preds;
        }

        /**
         * What cancelling the retain at {@code a.insts[index]} takes, or null when it must
         * stay (or when {@code mode} does not apply to it).
         */
        private Plan plan(RcMemory memory, RcMemory.Analysis global, Map<Integer, List<Integer>> preds, Block a, int index, Mode mode) {
            RcMemory.State s = global.in().get(a.id).forSuccessor();
            for (int k = 0; k < index; k++) memory.step(s, a.insts.get(k));
            Value x = ((Inst.Call) a.insts.get(index)).args().get(0);
            RcMemory.Sym cx = s.sym(x);
            Set<RcMemory.Sym> relied = new HashSet<>();
            boolean applies = switch (mode) {
                case QUIET -> true;
                case PINNED -> s.pinned(cx);
                case HELD -> heldInMemory(s, cx, relied);
            };
            if (!applies) return null;
            Plan plan = new Plan(a, a.insts.get(index), x, cx, mode, s.epoch);
            plan.relied.addAll(relied);
            if (DEBUG) System.err.println("rc-pairs " + f.symbol() + " b" + a.id + ":" + index + " " + mode + " x=" + x + " cx=" + cx + " pins=" + s.pins + " facts=" + s.facts);
            s.unpinned.clear();
            Scan first = scan(memory, a, index + 1, s, plan, true);
            if (first == Scan.FAIL) return null;
            if (first == Scan.FOUND) return plan;
            // The blocks the region may reach, to tell its own blocks from the rest: a block
            // is looked at once every predecessor among them has been.
            Set<Integer> reach = new HashSet<>();
            java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>(successors(a.terminator));
            while (!work.isEmpty()) {
                int id = work.poll();
                if (id == a.id || !reach.add(id)) continue;
                work.addAll(successors(blocks.get(id).terminator));
            }
            Map<Integer, Map<Integer, RcMemory.State>> edges = new HashMap<>();
            edges.put(a.id, memory.successorStates(a, s));
            // Paths that enter the region's blocks from elsewhere, as the whole function's
            // analysis sees them: they must reach neither a release nor a block given a pad.
            Map<Integer, Map<Integer, RcMemory.State>> outside = new HashMap<>();
            Set<Integer> done = new HashSet<>(List.of(a.id));
            Set<Integer> found = new HashSet<>(); // blocks where the region ends at a release
            Set<Integer> pending = new LinkedHashSet<>();
            if (!push(edges.get(a.id).keySet(), done, pending)) { if (DEBUG) System.err.println("   fail: loop"); return null; }
            while (!pending.isEmpty()) {
                Block ready = null;
                for (int id : pending) {
                    boolean all = true;
                    for (int p : preds.getOrDefault(id, List.of())) if (reach.contains(p) && !done.contains(p)) { all = false; break; }
                    if (all) {
                        ready = blocks.get(id);
                        break;
                    }
                }
                // None waits on nothing: take the first anyway, and count the predecessors not
                // looked at as outside (a later way from the region into it fails the pair).
                if (ready == null) ready = blocks.get(pending.iterator().next());
                if (done.size() > MAX_REGION) {
                    if (DEBUG) System.err.println("   fail: region too big");
                    return null;
                }
                pending.remove(ready.id);
                List<RcMemory.State> incoming = new ArrayList<>(), elsewhere = new ArrayList<>();
                for (int p : preds.get(ready.id)) {
                    if (found.contains(p)) {
                        if (DEBUG) System.err.println("   fail: b" + ready.id + " reached after a release too");
                        return null;
                    }
                    if (done.contains(p)) {
                        RcMemory.State e = edges.get(p).get(ready.id);
                        if (e != null) incoming.add(e); // else that branch never goes there from the region
                        RcMemory.State o = outside.getOrDefault(p, Map.of()).get(ready.id);
                        if (o != null) elsewhere.add(o);
                    } else {
                        // From outside the region: as the function's analysis says, if it is
                        // reached at all and the edge can be taken.
                        Map<Integer, RcMemory.State> out = global.edges().get(p);
                        RcMemory.State o = out == null ? null : out.get(ready.id);
                        if (o != null) elsewhere.add(o.forSuccessor());
                        else if (out == null && global.in().containsKey(p)) { if (DEBUG) System.err.println("   fail: no edges from b" + p); return null; }
                    }
                }
                if (incoming.isEmpty()) { if (DEBUG) System.err.println("   fail: b" + ready.id + " not entered from the region"); return null; }
                RcMemory.State in = memory.meet(incoming);
                done.add(ready.id);
                Scan r = scan(memory, ready, 0, in, plan, false);
                if (r == Scan.FAIL) return null;
                if (!elsewhere.isEmpty()) {
                    if (r == Scan.FOUND || plan.compensate.contains(ready)) {
                        if (DEBUG) System.err.println("   fail: b" + ready.id + " is also reached from outside");
                        return null;
                    }
                    RcMemory.State o = memory.meet(elsewhere);
                    for (Inst inst : ready.insts) memory.step(o, inst);
                    outside.put(ready.id, memory.successorStates(ready, o));
                }
                if (r == Scan.FOUND) found.add(ready.id);
                if (r == Scan.ON) {
                    edges.put(ready.id, memory.successorStates(ready, in));
                    if (!push(edges.get(ready.id).keySet(), done, pending)) { if (DEBUG) System.err.println("   fail: loop at b" + ready.id); return null; }
                }
            }
            if (plan.releases.isEmpty()) { if (DEBUG) System.err.println("   fail: no release"); return null; }
            // A block of cleanup code without an edge aborts on a panic (a drop that panics
            // while unwinding): it gets no pad.
            for (Block b : plan.compensate) {
                if (b.unwind == Block.NONE && cleanupCode().contains(b.id)) {
                    if (DEBUG) System.err.println("   fail: b" + b.id + " is cleanup code");
                    return null;
                }
            }
            return plan;
        }

        /**
         * Whether x is a reference held by memory outside the function's slots that stays
         * put while memory does: read (possibly as part of a bigger value) from a place that
         * stays allocated, in the memory as it is now ({@link #lasts}).
         */
        private boolean heldInMemory(RcMemory.State s, RcMemory.Sym cx, Set<RcMemory.Sym> relied) {
            RcMemory.Sym v = cx;
            while (v instanceof RcMemory.Field fl) v = fl.of();
            return v instanceof RcMemory.HeapLoad hl && hl.epoch() == s.epoch && lasts(s, hl.address(), relied);
        }

        /**
         * Whether the memory at {@code location} stays allocated, holding what it holds,
         * while nothing stores to memory: a place the caller lent (a parameter the function
         * only borrows through) or a part of it, or a field of an object that is alive —
         * one the function holds a count of, or one whose reference was read, in the memory
         * as it is now, from a place that lasts in turn. The counts it relies on go to
         * {@code relied}: the region must keep them.
         */
        private boolean lasts(RcMemory.State s, RcMemory.Sym location, Set<RcMemory.Sym> relied) {
            RcMemory.Sym base = location;
            while (base instanceof RcMemory.HeapAddr ha) base = ha.base();
            if (base instanceof RcMemory.Known k && k.value() instanceof Value.Param p) return effects.borrowsParam(f.symbol(), p.index());
            if (base == location) return false; // not a field of anything known
            if (s.pinned(base)) {
                relied.add(base);
                return true;
            }
            return base instanceof RcMemory.HeapLoad hl && hl.epoch() == s.epoch && lasts(s, hl.address(), relied);
        }

        private Set<Integer> cleanup;

        /** Blocks reached from landing pads by normal edges: code that runs while unwinding. */
        private Set<Integer> cleanupCode() {
            if (cleanup != null) return cleanup;
            cleanup = new HashSet<>();
            java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
            for (Block b : blocks) if (b.isLandingPad()) work.add(b.id);
            while (!work.isEmpty()) {
                int id = work.poll();
                if (!cleanup.add(id)) continue;
                work.addAll(successors(blocks.get(id).terminator));
            }
            return cleanup;
        }

        /** Adds a region block's successors to {@code pending}; false on a way back into the region. */
        private boolean push(Set<Integer> successors, Set<Integer> done, Set<Integer> pending) {
            for (int s : successors) {
                if (done.contains(s)) return false;
                pending.add(s);
            }
            return true;
        }

        enum Scan { FOUND, ON, FAIL }

        /**
         * Why x stays alive without the retain's count: QUIET, nothing in the region
         * releases anything; PINNED, the function holds another count of x that it keeps
         * ({@link RcMemory}'s pins); HELD, a field of a live object holds x and nothing in
         * the region stores to memory.
         */
        enum Mode { PINNED, HELD, QUIET }

        private Scan fail(String why, Block b, Inst inst) {
            if (DEBUG) System.err.println("   fail in b" + b.id + ": " + why + (inst == null ? "" : " at " + inst));
            return Scan.FAIL;
        }

        /**
         * Steps through {@code b} from {@code from}: FOUND at a release of x (recorded in the
         * plan), ON when the block ends and the region goes on into its successors, FAIL when
         * something in it rules the pair out.
         */
        private Scan scan(RcMemory memory, Block b, int from, RcMemory.State s, Plan plan, boolean first) {
            boolean unwinds = false;
            if (!keeps(s, plan)) return fail("loses track of the other count", b, null);
            for (int k = from; k < b.insts.size(); k++) {
                Inst inst = b.insts.get(k);
                if (isRelease(inst) && s.sym(((Inst.Call) inst).args().get(0)).equals(plan.cx)) {
                    if (unwinds) return fail("unwinds before the release", b, inst); // the edge also serves what follows the release
                    plan.releases.add(new Site(b, inst));
                    // The slot it releases from: the best place for a pad to find x (its own
                    // release of that slot then meets the retain there).
                    Value operand = ((Inst.Call) inst).args().get(0);
                    for (int j = k - 1; j >= from && plan.preferred == null; j--) {
                        if (b.insts.get(j) instanceof Inst.Load l && l.result().equals(operand) && l.slot() instanceof Value.Temp t) plan.preferred = t.id();
                    }
                    return Scan.FOUND;
                }
                if (effects.observes(inst)) return fail("observes", b, inst);
                // With no other count known to stay, nothing may release: it might be x's last.
                if (plan.mode == Mode.QUIET && !isRetain(inst) && effects.releases(inst)) return fail("releases", b, inst);
                memory.step(s, inst);
                // The other count must stay: the function's own, or the one memory holds.
                if (plan.mode == Mode.PINNED && s.unpinned.contains(plan.cx)) return fail("gives up the pin", b, inst);
                if (plan.mode == Mode.HELD && s.epoch != plan.epoch) return fail("writes memory", b, inst);
                for (RcMemory.Sym r : plan.relied) if (s.unpinned.contains(r)) return fail("gives up a count it relies on", b, inst);
                if (!keeps(s, plan)) return fail("loses track of the other count", b, inst);
                s.unpinned.clear();
                if (unwinding != null && unwinding.mayUnwind(inst)) {
                    if (first) return fail("unwinds after the retain", b, inst); // the edge also serves what precedes the retain
                    unwinds = true;
                    // Where the pad finds x: a slot that holds it even if the instruction wrote
                    // through an address it was given before unwinding.
                    Set<Integer> holders = s.slotsHolding(plan.cx);
                    if (plan.holders == null) plan.holders = new LinkedHashSet<>(holders);
                    else plan.holders.retainAll(holders);
                }
            }
            if (unwinds) plan.compensate.add(b);
            return switch (b.terminator) {
                case Terminator.Jump j -> Scan.ON;
                case Terminator.Branch br -> Scan.ON;
                case Terminator.Unreachable u -> Scan.ON; // no successors: this path ends here
                default -> fail("leaves the function", b, null); // return or resume with the count still held
            };
        }

        /** Whether the count that keeps x alive in the region is still known to be held. */
        private static boolean keeps(RcMemory.State s, Plan plan) {
            if (plan.mode == Mode.PINNED && !s.pinned(plan.cx)) return false;
            for (RcMemory.Sym r : plan.relied) if (!s.pinned(r)) return false;
            return true;
        }

        private void apply(Plan p) {
            Block a = p.retainBlock;
            int at = indexOf(a, p.retain);
            a.insts.remove(at);
            for (Site r : p.releases) {
                r.block.insts.remove(indexOf(r.block, r.inst));
                // A block left with nothing that may unwind needs no edge (as prune-unwind).
                if (r.block.unwind != Block.NONE && unwinding != null && !unwinding.mayUnwind(r.block)) r.block.unwind = Block.NONE;
            }
            if (p.compensate.isEmpty()) return;
            Value pin;
            if (p.holders != null && !p.holders.isEmpty()) {
                int id = p.preferred != null && p.holders.contains(p.preferred) ? p.preferred : p.holders.iterator().next();
                pin = new Value.Temp(id, TirType.PTR);
            } else {
                Value.Temp slot = new Value.Temp(temps++, TirType.PTR);
                blocks.get(0).insts.add(0, new Inst.Slot(slot, TirType.PTR, "rc.pin"));
                if (a.id == 0) at++;
                a.insts.add(at, new Inst.Store(slot, p.x));
                pin = slot;
            }
            Map<Integer, Integer> padFor = new HashMap<>();
            for (Block b : p.compensate) {
                int old = b.unwind;
                Integer pad = padFor.get(old);
                if (pad == null) {
                    pad = compensatingPad(old, pin, p.compensate);
                    padFor.put(old, pad);
                }
                b.unwind = pad;
            }
        }

        /**
         * A landing pad that retains the pinned reference and goes on as {@code old} did. When
         * only the blocks being redirected unwind to {@code old} and nothing else enters its
         * code, the retain goes at the start of that code instead (where it usually meets the
         * release of the same slot, for the next round).
         */
        private int compensatingPad(int old, Value pin, Set<Block> redirected) {
            if (old != Block.NONE && blocks.get(old).terminator instanceof Terminator.Jump j && j.target() != old) {
                boolean onlyRedirected = true;
                for (Block b : blocks) if (b.unwind == old && !redirected.contains(b)) { onlyRedirected = false; break; }
                List<Integer> codePreds = predecessors().getOrDefault(j.target(), List.of());
                if (onlyRedirected && codePreds.equals(List.of(old))) {
                    Block code = blocks.get(j.target());
                    Value.Temp x = new Value.Temp(temps++, TirType.PTR);
                    code.insts.add(0, new Inst.Load(x, pin, TirType.PTR));
                    code.insts.add(1, new Inst.Call(null, RcEffects.RETAIN, List.of(x)));
                    return old;
                }
            }
            Block pad = new Block(blocks.size(), Block.NONE);
            blocks.add(pad);
            Block code = new Block(blocks.size(), Block.NONE);
            blocks.add(code);
            Value.Temp x = new Value.Temp(temps++, TirType.PTR);
            code.insts.add(new Inst.Load(x, pin, TirType.PTR));
            code.insts.add(new Inst.Call(null, RcEffects.RETAIN, List.of(x)));
            if (old == Block.NONE) {
                Value.Temp exception = new Value.Temp(temps++, TirType.PTR);
                blocks.get(0).insts.add(0, new Inst.Slot(exception, TirType.PTR, "exception"));
                pad.insts.add(new Inst.LandingPad(exception, false));
                Value.Temp e = new Value.Temp(temps++, TirType.PTR);
                code.insts.add(new Inst.Load(e, exception, TirType.PTR));
                code.terminator = new Terminator.Resume(e);
            } else {
                Block oldPad = blocks.get(old);
                Inst.LandingPad lp = oldPad.landingPad();
                pad.insts.add(new Inst.LandingPad(lp.slot(), lp.catches()));
                code.terminator = oldPad.terminator;
            }
            pad.terminator = new Terminator.Jump(code.id);
            return pad.id;
        }
    }

    private static int indexOf(Block b, Inst inst) {
        for (int i = 0; i < b.insts.size(); i++) if (b.insts.get(i) == inst) return i;
        throw new IllegalStateException("instruction not found");
    }

    /** A retain to cancel, with the releases it meets and the blocks whose unwinding needs it back. */
    private static final class Plan {
        final Block retainBlock;
        final Inst retain;
        final Value x;
        final RcMemory.Sym cx;
        final Work.Mode mode;
        /** Memory as it was at the retain (for {@link Work.Mode#HELD}). */
        final int epoch;
        /** The function's own counts that keep the place holding x allocated (HELD). */
        final Set<RcMemory.Sym> relied = new HashSet<>();
        final List<Site> releases = new ArrayList<>();
        final Set<Block> compensate = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Slots that hold x at every instruction of the region that may unwind. */
        Set<Integer> holders;
        /** A slot a release of x loads from. */
        Integer preferred;

        Plan(Block retainBlock, Inst retain, Value x, RcMemory.Sym cx, Work.Mode mode, int epoch) {
            this.retainBlock = retainBlock;
            this.retain = retain;
            this.x = x;
            this.cx = cx;
            this.mode = mode;
            this.epoch = epoch;
        }
    }

    private record Site(Block block, Inst inst) {}

    static boolean isRetain(Inst inst) {
        return inst instanceof Inst.Call c && c.callee().equals(RcEffects.RETAIN) && c.args().size() == 1;
    }

    static boolean isRelease(Inst inst) {
        return inst instanceof Inst.Call c && c.callee().equals(RcEffects.RELEASE) && c.args().size() == 1;
    }

    static List<Integer> successors(Terminator t) {
        return switch (t) {
            case Terminator.Jump j -> List.of(j.target());
            case Terminator.Branch br -> br.ifTrue() == br.ifFalse() ? List.of(br.ifTrue()) : List.of(br.ifTrue(), br.ifFalse());
            default -> List.of();
        };
    }
}
