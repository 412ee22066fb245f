package tlang.midend.pass;

import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Unwinding;
import tlang.midend.tir.Value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Objects that provably do not escape live on the stack: a `trt_rc_alloc` whose object
 * nobody outside the function can reach, and whose count provably reaches 0 before every
 * `return` and every panic leaving the function, becomes a slot of the entry block (header
 * and fields) whose header the function writes itself.
 *
 * <p>The RC calls stay: the runtime still counts the object and runs its drop at the last
 * release — same moment, same order — but the weak word carries {@code TRT_RC_STACK}
 * (abi.md, "The header"), so the object's memory is never given to the allocator. What is
 * proved, for the object p of one allocation site:
 * <ul>
 *   <li><b>It does not escape.</b> Its aliases are p, loads of private slots that only ever
 *       hold aliases of p, and (in callees) the parameters it is passed as. An alias may only
 *       be a load/store address, the base of a field address, a comparison operand, the
 *       argument of `trt_rc_retain`/`trt_rc_release`/`trt_rc_strong_count`/
 *       `trt_rc_weak_count`/`trt_rc_is_unique`, or an argument of a module function whose
 *       parameter does not capture it (the same rules, in the callee, memoized; recursion
 *       counts as capture). Field addresses (and element addresses inside them) may only be
 *       loaded from, stored to, copied with `memcpy`, compared, or passed to parameters that
 *       keep to the same. A slot holding p may be passed where the callee only loads from
 *       it (a `&self` method of a class gets the address of the caller's variable). So no
 *       `Weak` (that is `trt_rc_weak_retain`), no `trt_rc_share`, no indirect call, no
 *       extern, no return, no store into anything but a private slot.</li>
 *   <li><b>Its count is known at every point.</b> A forward data flow over the blocks (and
 *       the landing pads, entered with the count at each instruction that may unwind)
 *       tracks the exact count: the allocation makes it 1, a retain adds one, a release
 *       takes one, a call adds what its callee does to that parameter on return (or on
 *       unwinding, for the pad), also computed by the same flow in the callee. Two paths
 *       that meet with different counts make the site fail. The count must be 0 at the
 *       allocation (so in a loop the object of the previous round is dead — dropped — before
 *       the slot is written again), and 0 at every `return`, `resume` and instruction that
 *       may unwind out of the function: nothing still alive points into the frame.</li>
 *   <li><b>Its drop function keeps it too</b> (the type's drop, run by the last release, is
 *       checked like a callee that must leave the count as it found it).</li>
 * </ul>
 * Since nothing outside the function and its non-capturing callees sees the object, and
 * its count is 0 wherever the frame ends or the slot is reused, the stack memory outlives
 * every use. The object's struct type is taken from a field address of p in the function
 * (else the header and {@code size} bytes in 8-byte words).
 */
public final class StackObjects implements ModulePass {
    static final String ALLOC = RuntimeAbi.RC_ALLOC.symbol();
    static final String RETAIN = RuntimeAbi.RC_RETAIN.symbol();
    static final String RELEASE = RuntimeAbi.RC_RELEASE.symbol();
    /**
     * Runtime entry points that keep nothing and leave the strong count alone: the count
     * readers, and `trt_rc_weak_release`, which a drop function's cleanup pad calls to free
     * the object when its drop panics (no `Weak` of a frame object exists — making one is
     * an escape — so that is the only weak release it can meet, and on a frame object it
     * frees nothing: the word keeps {@code TRT_RC_STACK}).
     */
    private static final Set<String> OBSERVERS = Set.of(RuntimeAbi.RC_STRONG_COUNT.symbol(),
            RuntimeAbi.RC_WEAK_COUNT.symbol(), RuntimeAbi.RC_IS_UNIQUE.symbol(), RuntimeAbi.RC_WEAK_RELEASE.symbol());
    /** The strong word of a new object: one reference (trt_rc.h, TRT_RC_ONE). */
    static final int STRONG_ONE = 4;
    /** The weak word of a new stack object: the implicit weak reference, and TRT_RC_STACK. */
    static final int WEAK_STACK = 1 | 0x40000000;
    /** Counts above this make a site fail (a loop that keeps retaining never settles). */
    private static final int MAX_COUNT = 64;

    /** False under `--panic=abort`: a panic ends the process, so an object alive there dangles nowhere. */
    private final boolean unwinds;

    public StackObjects() { this(true); }

    public StackObjects(boolean unwinds) { this.unwinds = unwinds; }

    @Override public String name() { return "stack-objects"; }

    /** How a function receives the object: the pointer, the address of a slot holding it, an address inside it. */
    private enum Kind { DIRECT, INDIRECT, ADDRESS }

    /**
     * What a callee does to the count of the object it got, as a change: on return (null:
     * it never returns), when a panic leaves it (null: none does), and {@code drops}: the
     * changes at which a release of the object inside it may run the object's drop and let a
     * panic of the drop through — which happens only if the count really reaches 0 there,
     * so the caller, knowing the count, decides.
     */
    private record Effect(Integer onReturn, Integer onUnwind, Set<Integer> drops) {}

    private static final Effect NEUTRAL = new Effect(0, null, Set.of());
    /** `trt_rc_release` of the object: one count less; its drop may panic when that was the last. */
    private static final Effect RELEASING = new Effect(-1, null, Set.of(-1));

    private record Key(String symbol, int param, Kind kind) {}

    private Map<String, Function> functions;
    private Unwinding unwinding;
    private final Map<Key, Effect> summaries = new HashMap<>();
    private final Set<Key> inProgress = new HashSet<>();
    /** A sentinel for "captures" in the memo (a null Effect field means something else). */
    private static final Effect CAPTURES = new Effect(null, null, Set.of());

    @Override
    public TirModule run(TirModule m) {
        // -Dtlang.stack.objects=false (in JAVA_TOOL_OPTIONS) turns the pass off, for comparisons.
        if ("false".equals(System.getProperty("tlang.stack.objects"))) return m;
        functions = new HashMap<>();
        for (Function f : m.functions()) functions.put(f.symbol(), f);
        unwinding = Unwinding.of(m);
        summaries.clear();
        List<Function> out = new ArrayList<>();
        for (Function f : m.functions()) out.add(rewrite(f));
        return new TirModule(m.name(), m.externs(), out);
    }

    /** The allocation sites of {@code f} that may live on the stack, rewritten. */
    private Function rewrite(Function f) {
        List<Inst.Call> sites = new ArrayList<>();
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) {
                if (inst instanceof Inst.Call c && c.callee().equals(ALLOC) && c.result() != null
                        && c.args().size() == 2 && c.args().get(0) instanceof Value.TypeInfo
                        && c.args().get(1) instanceof Value.IntConst size && size.value() >= 0 && size.value() <= 4096
                        && stays(f, c)) {
                    sites.add(c);
                }
            }
        }
        if (sites.isEmpty()) return f;
        int temps = f.tempCount();
        List<Block> blocks = Block.copies(f.blocks());
        Map<Integer, Value> replaced = new HashMap<>();
        List<Inst> slots = new ArrayList<>();
        for (Inst.Call site : sites) {
            Value.TypeInfo type = (Value.TypeInfo) site.args().get(0);
            long size = ((Value.IntConst) site.args().get(1)).value();
            TirType.Struct layout = layout(f, site.result(), size);
            Value.Temp slot = new Value.Temp(temps++, TirType.PTR);
            slots.add(new Inst.Slot(slot, layout, "stack object " + type.name()));
            replaced.put(site.result().id(), slot);
            List<Inst> header = new ArrayList<>();
            Value.Temp strong = new Value.Temp(temps++, TirType.PTR);
            header.add(new Inst.FieldAddr(strong, slot, layout, 0));
            header.add(new Inst.Store(strong, new Value.IntConst(layout.fields().get(0), STRONG_ONE)));
            Value.Temp weak = new Value.Temp(temps++, TirType.PTR);
            header.add(new Inst.FieldAddr(weak, slot, layout, 1));
            header.add(new Inst.Store(weak, new Value.IntConst(layout.fields().get(1), WEAK_STACK)));
            Value.Temp typeWord = new Value.Temp(temps++, TirType.PTR);
            header.add(new Inst.FieldAddr(typeWord, slot, layout, 2));
            header.add(new Inst.Store(typeWord, type));
            for (Block b : blocks) {
                int at = b.insts.indexOf(site);
                if (at < 0) continue;
                b.insts.remove(at);
                b.insts.addAll(at, header);
            }
        }
        for (Block b : blocks) {
            for (int i = 0; i < b.insts.size(); i++) b.insts.set(i, Substitution.apply(b.insts.get(i), replaced));
            b.terminator = Substitution.apply(b.terminator, replaced);
        }
        blocks.get(0).insts.addAll(0, slots);
        return new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), blocks, temps, f.exported());
    }

    /**
     * The object's type: the struct a field address of it uses, when that covers the header
     * and {@code size} bytes, else the header and {@code size} bytes in 8-byte words.
     */
    private static TirType.Struct layout(Function f, Value.Temp object, long size) {
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) {
                if (inst instanceof Inst.FieldAddr fa && fa.pointer().equals(object) && fa.type().fields().size() >= 3
                        && fa.type().fields().subList(0, 3).equals(List.of(TirType.I32, TirType.I32, TirType.PTR))
                        && sizeOf(fa.type()) >= 16 + size) {
                    return fa.type();
                }
            }
        }
        List<TirType> fields = new ArrayList<>(List.of(TirType.I32, TirType.I32, TirType.PTR));
        if (size > 0) fields.add(new TirType.Array(TirType.U64, (size + 7) / 8));
        return new TirType.Struct(fields);
    }

    /** A type's size as LLVM lays it out on both targets (-1: unknown). */
    private static long sizeOf(TirType t) {
        return switch (t) {
            case TirType.Simple s -> switch (s) { case UNIT -> 0; case BOOL -> 1; case PTR -> 8; case STR -> 24; };
            case TirType.Int i -> i.bits() / 8;
            case TirType.Float fl -> fl.bits() / 8;
            case TirType.Array a -> { long e = sizeOf(a.element()); yield e < 0 ? -1 : e * a.length(); }
            case TirType.Struct st -> {
                long at = 0, align = 1;
                for (TirType field : st.fields()) {
                    long size = sizeOf(field), al = alignOf(field);
                    if (size < 0) yield -1;
                    at = (at + al - 1) / al * al + size;
                    align = Math.max(align, al);
                }
                yield (at + align - 1) / align * align;
            }
        };
    }

    private static long alignOf(TirType t) {
        return switch (t) {
            case TirType.Struct st -> st.fields().stream().mapToLong(StackObjects::alignOf).max().orElse(1);
            case TirType.Array a -> alignOf(a.element());
            case TirType.Simple s -> s == TirType.Simple.STR ? 8 : Math.max(1, sizeOf(s));
            default -> Math.max(1, sizeOf(t));
        };
    }

    /** Whether the object allocated by {@code site} may live in {@code f}'s frame. */
    private boolean stays(Function f, Inst.Call site) {
        Value.TypeInfo type = (Value.TypeInfo) site.args().get(0);
        if (type.drop() != null) {
            Effect drop = summary(new Key(type.drop(), 0, Kind.DIRECT));
            if (drop == null || !Objects.equals(drop.onReturn, 0) || drop.onUnwind != null && drop.onUnwind != 0
                    || !drop.drops.isEmpty()) return false;
        }
        Aliases a = aliases(f, site.result(), Kind.DIRECT);
        if (a == null) return false;
        Effect e = count(f, a, site);
        return e != null && (e.onReturn == null || e.onReturn == 0) && (e.onUnwind == null || e.onUnwind == 0) && e.drops.isEmpty();
    }

    /** What the callee does to the object it receives as parameter {@code key.param}; CAPTURES when it may keep it. */
    private Effect summary(Key key) {
        Effect known = summaries.get(key);
        if (known != null) return known == CAPTURES ? null : known;
        Function g = functions.get(key.symbol);
        if (g == null || key.param >= g.params().size() || inProgress.contains(key)) return null;
        inProgress.add(key);
        Effect e = null;
        Aliases a = aliases(g, new Value.Param(key.param, g.params().get(key.param)), key.kind);
        if (a != null) e = key.kind == Kind.ADDRESS ? NEUTRAL : count(g, a, null);
        inProgress.remove(key);
        summaries.put(key, e == null ? CAPTURES : e);
        return e;
    }

    /** The values of a function that are the object (direct), slots holding it, and addresses inside it. */
    private static final class Aliases {
        final Set<Value> direct = new HashSet<>();
        final Set<Value> slots = new HashSet<>();
        final Set<Value> inside = new HashSet<>();
        /** Call effects, per call instruction, computed while checking: the sum over its arguments. */
        final Map<Inst, Effect> calls = new HashMap<>();
    }

    /**
     * The aliases of {@code root} in {@code f}, or null when one of its uses may let the
     * object escape. {@code kind} says what {@code root} is: the object, the address of a
     * slot holding it (which {@code f} may only load from), or an address inside it.
     */
    private Aliases aliases(Function f, Value root, Kind kind) {
        Aliases a = new Aliases();
        Set<Value> readOnlySlots = new HashSet<>();
        switch (kind) {
            case DIRECT -> a.direct.add(root);
            case INDIRECT -> readOnlySlots.add(root);
            case ADDRESS -> a.inside.add(root);
        }
        Set<Value> privateSlots = new HashSet<>();
        for (Inst inst : f.blocks().get(0).insts) if (inst instanceof Inst.Slot s) privateSlots.add(s.result());
        // Grow the sets to a fixed point, then check every use.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    switch (inst) {
                        case Inst.Store s when a.direct.contains(s.value()) && privateSlots.contains(s.slot()) -> grew |= a.slots.add(s.slot());
                        case Inst.Load l when (a.slots.contains(l.slot()) || readOnlySlots.contains(l.slot())) -> grew |= a.direct.add(l.result());
                        case Inst.FieldAddr fa when a.direct.contains(fa.pointer()) || a.inside.contains(fa.pointer()) -> grew |= a.inside.add(fa.result());
                        case Inst.ElementAddr ea when a.inside.contains(ea.pointer()) -> grew |= a.inside.add(ea.result());
                        default -> {}
                    }
                }
            }
        }
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) if (!allowed(inst, a, readOnlySlots)) return null;
            for (Value v : terminatorOperands(b.terminator)) if (mentions(a, readOnlySlots, v)) return null;
        }
        return a;
    }

    private static boolean mentions(Aliases a, Set<Value> readOnlySlots, Value v) {
        return a.direct.contains(v) || a.slots.contains(v) || a.inside.contains(v) || readOnlySlots.contains(v);
    }

    private static List<Value> terminatorOperands(Terminator t) {
        return switch (t) {
            case Terminator.Return r when r.value() != null -> List.of(r.value());
            case Terminator.Branch br -> List.of(br.condition());
            case Terminator.Resume r -> List.of(r.exception());
            default -> List.of();
        };
    }

    /** Whether {@code inst} uses the object only in ways that keep it from escaping. */
    private boolean allowed(Inst inst, Aliases a, Set<Value> readOnlySlots) {
        switch (inst) {
            case Inst.Slot s -> { return true; }
            case Inst.Load l -> { return true; } // any alias may be read through (or is an address)
            case Inst.Store s -> {
                Value to = s.slot(), v = s.value();
                if (readOnlySlots.contains(to)) return false; // the caller's variable: not ours to change
                if (a.slots.contains(to)) return a.direct.contains(v); // a slot holding p holds nothing else
                return !mentions(a, readOnlySlots, v); // p, a slot of it or an address inside it stored away escapes
            }
            case Inst.FieldAddr fa -> { return !a.slots.contains(fa.pointer()) && !readOnlySlots.contains(fa.pointer()); }
            case Inst.ElementAddr ea -> {
                return !a.direct.contains(ea.pointer()) && !a.slots.contains(ea.pointer()) && !readOnlySlots.contains(ea.pointer())
                        && !mentions(a, readOnlySlots, ea.index());
            }
            case Inst.CopyMem c -> {
                return !a.direct.contains(c.destination()) && !a.direct.contains(c.source())
                        && !a.slots.contains(c.destination()) && !a.slots.contains(c.source())
                        && !readOnlySlots.contains(c.destination()) && !readOnlySlots.contains(c.source());
            }
            case Inst.Compare c -> { return true; }
            case Inst.Call c -> {
                Effect effect = null;
                for (int i = 0; i < c.args().size(); i++) {
                    Value v = c.args().get(i);
                    Kind k = a.direct.contains(v) ? Kind.DIRECT
                            : a.slots.contains(v) || readOnlySlots.contains(v) ? Kind.INDIRECT
                            : a.inside.contains(v) ? Kind.ADDRESS : null;
                    if (k == null) continue;
                    if (effect != null) return false; // the object twice in one call: not worth the bookkeeping
                    if (k == Kind.DIRECT && c.callee().equals(RETAIN)) effect = new Effect(1, null, Set.of());
                    else if (k == Kind.DIRECT && c.callee().equals(RELEASE)) effect = RELEASING;
                    else if (k == Kind.DIRECT && OBSERVERS.contains(c.callee())) effect = NEUTRAL;
                    else effect = summary(new Key(c.callee(), i, k));
                    if (effect == null) return false;
                }
                if (effect != null) a.calls.put(inst, effect);
                return true;
            }
            default -> {
                for (Value v : TirVerifier.operands(inst)) if (mentions(a, readOnlySlots, v)) return false;
                return true;
            }
        }
    }

    /**
     * The exact count of the object along {@code f}, by a forward data flow. For an
     * allocation {@code site} the count starts at 0 (no object) and the site needs 0;
     * for a parameter (site null) it is the change since entry (the real count is that plus
     * at least 1). The effect: the count at every return, and at every point a panic leaves
     * {@code f}; null when two paths disagree (or a site meets a live object, or a count
     * runs away).
     */
    private Effect count(Function f, Aliases a, Inst.Call site) {
        Map<Integer, Block> byId = new HashMap<>();
        for (Block b : f.blocks()) byId.put(b.id, b);
        Map<Integer, Integer> in = new HashMap<>();
        in.put(f.blocks().get(0).id, 0);
        ArrayDeque<Integer> work = new ArrayDeque<>();
        work.add(f.blocks().get(0).id);
        Integer[] exits = new Integer[2]; // [0] return, [1] unwinding out
        Set<Integer> drops = new HashSet<>();
        boolean[] failed = {false};
        java.util.function.BiConsumer<Integer, Integer> flow = (target, n) -> {
            Integer old = in.get(target);
            if (old == null) {
                in.put(target, n);
                work.add(target);
            } else if (!old.equals(n)) {
                failed[0] = true;
            }
        };
        java.util.function.BiConsumer<Integer, Integer> exit = (which, n) -> {
            if (exits[which] == null) exits[which] = n;
            else if (!exits[which].equals(n)) failed[0] = true;
        };
        while (!work.isEmpty() && !failed[0]) {
            Block b = byId.get(work.poll());
            int n = in.get(b.id);
            boolean reachesEnd = true;
            for (Inst inst : b.insts) {
                Effect e = a.calls.get(inst);
                if (inst == site) {
                    if (n != 0) return null; // the previous round's object is still alive
                    e = new Effect(1, null, Set.of());
                }
                if (unwinds && unwinding.mayUnwind(inst)) {
                    if (e == null) {
                        // A panic that has nothing to do with the object: its count as it is.
                        if (b.unwind == Block.NONE) exit.accept(1, n); else flow.accept(b.unwind, n);
                    } else {
                        if (e.onUnwind != null) {
                            int u = n + e.onUnwind;
                            if (b.unwind == Block.NONE) exit.accept(1, u); else flow.accept(b.unwind, u);
                        }
                        for (int d : e.drops) {
                            int u = n + d;
                            // The drop runs only where the count reaches 0: the real count is
                            // u for a site, u plus at least 1 for a parameter.
                            if (site != null ? u > 0 : u >= 0) continue;
                            if (site != null && u < 0) return null;
                            if (b.unwind != Block.NONE) flow.accept(b.unwind, u);
                            else if (site != null) exit.accept(1, u);
                            else drops.add(u);
                        }
                    }
                }
                if (e != null) {
                    if (e.onReturn == null) { reachesEnd = false; break; }
                    n += e.onReturn;
                    if (site != null && n < 0 || Math.abs(n) > MAX_COUNT) return null;
                }
            }
            if (!reachesEnd) continue;
            switch (b.terminator) {
                case Terminator.Jump j -> flow.accept(j.target(), n);
                case Terminator.Branch br -> { flow.accept(br.ifTrue(), n); flow.accept(br.ifFalse(), n); }
                case Terminator.Return r -> exit.accept(0, n);
                case Terminator.Resume r -> exit.accept(1, n);
                case Terminator.Unreachable u -> {}
            }
        }
        if (failed[0]) return null;
        return new Effect(exits[0], exits[1], Set.copyOf(drops));
    }
}
