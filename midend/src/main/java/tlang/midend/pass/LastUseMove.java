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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A copy of a local variable at its last use becomes a move (docs/language.md, "Copies and
 * moves"): the lowering copies a value on every read — `%t = load S` then its retain
 * (`trt_rc_retain`, `trt_rc_weak_retain`, `trt_str_retain` of the owner, or the type's
 * `{retain}` glue) — and drops the variable at the end of its scope. When nothing can read
 * the variable again before those drops, the copy takes the variable's own count instead:
 * the retain goes, and the variable's slot is set to the zero value where the retain was,
 * so its drops that follow release nothing (`trt_rc_release(null)`, a string without an
 * owner and the drop glue of an all-zero aggregate do nothing). Drops that a forward
 * analysis proves see the zero are removed.
 *
 * <p>The slot S qualifies when its address never escapes: it is only loaded, stored, taken
 * a field of, and passed to calls, directly or through other slots that hold it (the
 * lowering's `held` slots for `&x`); a call's pointer result with such an argument may
 * point into it too. Every instruction that reaches S's memory that way, other than its
 * drops and a whole store, *uses* it. The copy at P moves when, on every path from P —
 * normal edges and the unwind edges of instructions that may unwind — the first thing that
 * happens to S is one of its drops (`trt_rc_release(load S)`, its string owner released,
 * `{drop}(S)`): not a use, not a store, not the end of the function. That the drops come
 * is what proves S owned the value at P (a slot holding a borrowed reference is never
 * dropped); a drop under a drop flag counts when the flag is known to be set (a forward
 * analysis of the bool slots that only hold constants): a flag is cleared only where the
 * variable is moved, which reads it.
 *
 * <p>Counts are kept on every path: the count the copy no longer takes is the one the drop
 * that comes first no longer gives up. What changes is *when* a buffer or object goes: with
 * the copy's owner rather than at the end of the variable's scope — which is the language's
 * rule, so the pass runs at every optimization level ({@link Pipeline#required}), and
 * copy-on-write's `is_unique` sees the move.
 *
 * <p>The rule covers values — strings and aggregates (structs, enums, tuples, arrays,
 * closures: `Vec`, `HashMap`, `Option<C>` ...) — not a variable that is itself a class
 * reference or a `Weak`: a class variable keeps its object until its scope ends, so
 * `Weak::from(x)` or `register(guard)` at x's last use does not free x's object early and
 * `strong_count` counts it. ({@code classes} lifts that, for experiments.)
 */
public final class LastUseMove implements ModulePass {
    /** False under `--panic=abort`: nothing unwinds. */
    private final boolean unwinds;
    /** Whether copies of a bare class reference or `Weak` move too (not the language's rule: see the class comment). */
    private final boolean classes;

    public LastUseMove() { this(true); }

    public LastUseMove(boolean unwinds) { this(unwinds, false); }

    public LastUseMove(boolean unwinds, boolean classes) {
        this.unwinds = unwinds;
        this.classes = classes;
    }

    @Override public String name() { return "last-use-move"; }

    @Override
    public TirModule run(TirModule m) {
        Unwinding unwinding = unwinds ? Unwinding.of(m) : null;
        Set<String> dropGlue = new HashSet<>(), retainGlue = new HashSet<>();
        for (Function f : m.functions()) {
            if (f.sourceName().endsWith("::{drop}")) dropGlue.add(f.symbol());
            if (f.sourceName().endsWith("::{retain}")) retainGlue.add(f.symbol());
        }
        List<Function> out = new ArrayList<>();
        for (Function f : m.functions()) out.add(new Moves(f, unwinding, dropGlue, retainGlue, classes).run());
        return new TirModule(m.name(), m.externs(), out);
    }

    private static final String RETAIN = RuntimeAbi.RC_RETAIN.symbol(), RELEASE = RuntimeAbi.RC_RELEASE.symbol(),
            WEAK_RETAIN = RuntimeAbi.RC_WEAK_RETAIN.symbol(), WEAK_RELEASE = RuntimeAbi.RC_WEAK_RELEASE.symbol(),
            STR_RETAIN = RuntimeAbi.STR_RETAIN.symbol(), STR_RELEASE = RuntimeAbi.STR_RELEASE.symbol();

    /** What an instruction does to one slot. */
    private enum Event { NONE, DROP, USE, DEF }

    /** A copy of slot {@code slot}: its load at {@code load}, its retain at {@code retain}, in {@code block}. */
    private record Copy(Block block, int load, int retain, Value.Temp slot) {}

    /** One instruction's effect in a forward analysis. */
    private interface Step<S> {
        S apply(Block b, int index, S state);
    }

    /** The work on one function. */
    private static final class Moves {
        private final Function f;
        private final Predicate<Inst> mayUnwind;
        private final Set<String> dropGlue, retainGlue;
        private final boolean classes;
        private final List<Block> blocks = new ArrayList<>();
        private final Map<Integer, Block> byId = new HashMap<>();
        /** The function's slots and the type each holds. */
        private final Map<Value.Temp, TirType> slots = new HashMap<>();
        /** Per block: where each temp is defined, and the instructions that use it. */
        private final Map<Integer, Map<Value.Temp, Integer>> defs = new HashMap<>();
        private final Map<Integer, Map<Value.Temp, List<Integer>>> users = new HashMap<>();
        private Map<Integer, Map<Value.Temp, Boolean>> flagsIn;

        Moves(Function f, Unwinding unwinding, Set<String> dropGlue, Set<String> retainGlue, boolean classes) {
            this.f = f;
            this.classes = classes;
            this.mayUnwind = unwinding == null ? inst -> false : unwinding::mayUnwind;
            this.dropGlue = dropGlue;
            this.retainGlue = retainGlue;
            blocks.addAll(Block.copies(f.blocks()));
            for (Block copy : blocks) {
                byId.put(copy.id, copy);
                for (Inst inst : copy.insts) if (inst instanceof Inst.Slot s) slots.put(s.result(), s.slotType());
            }
        }

        Function run() {
            index();
            Map<Value.Temp, List<Copy>> copies = new HashMap<>();
            for (Block b : blocks) {
                for (int j = 0; j < b.insts.size(); j++) {
                    Copy c = copyAt(b, j);
                    if (c != null) copies.computeIfAbsent(c.slot(), k -> new ArrayList<>()).add(c);
                }
            }
            if (copies.isEmpty()) return f;
            // Decide every move against the function as lowered, then rewrite: moves of one
            // slot are on paths that never meet (a later read would make the earlier copy
            // not the last), and moves of different slots do not touch each other's.
            List<Copy> moves = new ArrayList<>();
            Map<Value.Temp, Slot> analyses = new HashMap<>();
            for (Map.Entry<Value.Temp, List<Copy>> e : copies.entrySet()) {
                Slot s = analyse(e.getKey());
                if (s == null) continue;
                boolean any = false;
                for (Copy c : e.getValue()) {
                    if (s.quietBetween(c) && s.droppedFirstAfter(c)) {
                        moves.add(c);
                        any = true;
                    }
                }
                if (any) analyses.put(e.getKey(), s);
            }
            if (moves.isEmpty()) return f;
            for (Copy c : moves) {
                // The retain becomes the store of zero: from here the copy holds S's count.
                c.block().insts.set(c.retain(), new Inst.Store(c.slot(), new Value.ZeroConst(slots.get(c.slot()))));
                analyses.get(c.slot()).moved(c);
            }
            for (Slot s : analyses.values()) s.removeDropsOfZero();
            for (Block b : blocks) b.insts.removeIf(Objects::isNull);
            return new Function(f.symbol(), f.sourceName(), f.params(), f.result(), f.noReturn(), blocks, f.tempCount(), f.exported());
        }

        private void index() {
            for (Block b : blocks) {
                Map<Value.Temp, Integer> d = new HashMap<>();
                Map<Value.Temp, List<Integer>> u = new HashMap<>();
                for (int i = 0; i < b.insts.size(); i++) {
                    Inst inst = b.insts.get(i);
                    if (inst.result() != null) d.put(inst.result(), i);
                    for (Value v : TirVerifier.operands(inst)) {
                        if (v instanceof Value.Temp t) u.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
                    }
                }
                defs.put(b.id, d);
                users.put(b.id, u);
            }
        }

        private Inst defOf(Block b, Value v) {
            if (!(v instanceof Value.Temp t)) return null;
            Integer i = defs.get(b.id).get(t);
            return i == null ? null : b.insts.get(i);
        }

        private List<Integer> usersOf(Block b, Value.Temp t) {
            return users.get(b.id).getOrDefault(t, List.of());
        }

        /** The copy whose retain is instruction {@code j} of {@code b}, or null. */
        private Copy copyAt(Block b, int j) {
            if (!(b.insts.get(j) instanceof Inst.Call c) || c.args().size() != 1) return null;
            Value arg = c.args().get(0);
            Value loaded;
            if (c.callee().equals(RETAIN) || c.callee().equals(WEAK_RETAIN)) {
                if (!classes) return null;
                loaded = arg;
            } else if (c.callee().equals(STR_RETAIN)) {
                if (!(defOf(b, arg) instanceof Inst.StrPart p) || p.part() != Inst.StrPart.Part.OWNER) return null;
                loaded = p.string();
            } else if (retainGlue.contains(c.callee()) && arg instanceof Value.Temp a && slots.containsKey(a)) {
                // `store A, %t; call T{retain}(A)`: the glue retains a copy of %t in place.
                loaded = null;
                for (int k = j - 1; k >= 0 && loaded == null; k--) {
                    Inst inst = b.insts.get(k);
                    if (inst instanceof Inst.Store s && s.slot().equals(a)) loaded = s.value();
                    else if (TirVerifier.operands(inst).contains(a)) return null;
                }
                if (loaded == null) return null;
            } else {
                return null;
            }
            if (!(defOf(b, loaded) instanceof Inst.Load l) || !(l.slot() instanceof Value.Temp s) || !slots.containsKey(s)) return null;
            int load = defs.get(b.id).get((Value.Temp) loaded);
            if (load > j || retains(b, (Value.Temp) loaded) != 1) return null;
            return new Copy(b, load, j, s);
        }

        /** How many copies are made of the loaded value {@code t}: its retains, its owner's, glue on a slot holding it. */
        private int retains(Block b, Value.Temp t) {
            int n = 0;
            for (int i : usersOf(b, t)) {
                Inst inst = b.insts.get(i);
                if (inst instanceof Inst.Call c && (c.callee().equals(RETAIN) || c.callee().equals(WEAK_RETAIN))) n++;
                else if (inst instanceof Inst.StrPart p && p.part() == Inst.StrPart.Part.OWNER) n++;
                else if (inst instanceof Inst.Store s && s.value().equals(t) && s.slot() instanceof Value.Temp a && slots.containsKey(a)) {
                    for (int k : usersOf(b, a)) {
                        if (b.insts.get(k) instanceof Inst.Call c && retainGlue.contains(c.callee())) n++;
                    }
                }
            }
            return n;
        }

        /** The analysis of slot {@code s}, or null when its address may escape. */
        private Slot analyse(Value.Temp s) {
            Set<Value> derived = new HashSet<>();
            derived.add(s);
            Set<Value.Temp> holders = new HashSet<>();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Block b : blocks) {
                    for (Inst inst : b.insts) {
                        List<Value> ops = TirVerifier.operands(inst);
                        boolean touches = false;
                        for (Value v : ops) if (derived.contains(v)) touches = true;
                        Value.Temp r = inst.result();
                        switch (inst) {
                            case Inst.Load l -> {
                                if (l.slot() instanceof Value.Temp h && holders.contains(h) && derived.add(r)) changed = true;
                            }
                            case Inst.Store st -> {
                                if (!derived.contains(st.value())) break;
                                // Only another slot may hold S's address (a `held` slot for `&x`).
                                if (!(st.slot() instanceof Value.Temp h) || !slots.containsKey(h) || h.equals(s)) return null;
                                if (holders.add(h)) changed = true;
                            }
                            case Inst.FieldAddr fa -> { if (touches && derived.add(r)) changed = true; }
                            case Inst.ElementAddr ea -> {
                                if (derived.contains(ea.index())) return null;
                                if (touches && derived.add(r)) changed = true;
                            }
                            case Inst.Select sel -> {
                                if (derived.contains(sel.condition())) return null;
                                if (touches && derived.add(r)) changed = true;
                            }
                            case Inst.Call c -> { if (touches && mayPoint(r) && derived.add(r)) changed = true; }
                            case Inst.CallIndirect c -> { if (touches && mayPoint(r) && derived.add(r)) changed = true; }
                            case Inst.CopyMem cm -> {}
                            case Inst.Slot sl -> {}
                            default -> { if (touches) return null; }
                        }
                    }
                    if (b.terminator instanceof Terminator.Return ret && ret.value() != null && derived.contains(ret.value())) return null;
                    if (b.terminator instanceof Terminator.Branch br && derived.contains(br.condition())) return null;
                    if (b.terminator instanceof Terminator.Resume res && derived.contains(res.exception())) return null;
                }
            }
            Map<Integer, Event[]> events = new HashMap<>();
            for (Block b : blocks) {
                Event[] e = new Event[b.insts.size()];
                for (int i = 0; i < e.length; i++) e[i] = event(b, b.insts.get(i), s, derived);
                events.put(b.id, e);
            }
            // S's drop flags: the branches that drop S only when a bool slot says so. A
            // store to the flag counts as a use of S (the lowering stores one where it moves
            // S, or assigns it anew).
            Map<Integer, Integer> flagged = new HashMap<>();
            Set<Value.Temp> flags = new HashSet<>();
            for (Block b : blocks) {
                if (!(b.terminator instanceof Terminator.Branch br) || !(defOf(b, br.condition()) instanceof Inst.Load l)
                        || !(l.slot() instanceof Value.Temp flag) || slots.get(flag) != TirType.BOOL) continue;
                Block drop = byId.get(br.ifTrue());
                if (drop == null || !(drop.terminator instanceof Terminator.Jump j) || j.target() != br.ifFalse() || !onlyDrops(drop, events.get(drop.id))) continue;
                flagged.put(b.id, drop.id);
                flags.add(flag);
            }
            for (Block b : blocks) {
                Event[] e = events.get(b.id);
                for (int i = 0; i < e.length; i++) {
                    if (b.insts.get(i) instanceof Inst.Store st && flags.contains(st.slot())) e[i] = Event.USE;
                }
            }
            return new Slot(s, events, flagged);
        }

        /** Whether {@code b} only drops S: its drop, and the releases of what that loaded. */
        private boolean onlyDrops(Block b, Event[] e) {
            boolean drop = false;
            for (int i = 0; i < e.length; i++) {
                Inst inst = b.insts.get(i);
                if (e[i] == Event.DROP) drop = true;
                else if (e[i] != Event.NONE) return false;
                else if (!(inst instanceof Inst.StrPart) && !(inst instanceof Inst.Call c
                        && (c.callee().equals(RELEASE) || c.callee().equals(WEAK_RELEASE) || c.callee().equals(STR_RELEASE)))) return false;
            }
            return drop;
        }

        /** Whether a call's result may be a pointer into an argument's memory. */
        private static boolean mayPoint(Value.Temp r) {
            return r != null && !(r.type() instanceof TirType.Int) && !(r.type() instanceof TirType.Float) && r.type() != TirType.BOOL
                    && r.type() != TirType.UNIT;
        }

        private Event event(Block b, Inst inst, Value.Temp s, Set<Value> derived) {
            switch (inst) {
                case Inst.Load l -> {
                    if (l.slot().equals(s)) return isDropLoad(b, l) ? Event.DROP : Event.USE;
                    return derived.contains(l.slot()) ? Event.USE : Event.NONE;
                }
                case Inst.Store st -> {
                    if (st.slot().equals(s)) return Event.DEF;
                    return derived.contains(st.slot()) ? Event.USE : Event.NONE;
                }
                case Inst.CopyMem cm -> {
                    if (cm.destination().equals(s) && !derived.contains(cm.source())) return Event.DEF;
                    return derived.contains(cm.destination()) || derived.contains(cm.source()) ? Event.USE : Event.NONE;
                }
                case Inst.Call c -> {
                    if (dropGlue.contains(c.callee()) && c.args().equals(List.of(s))) return Event.DROP;
                    for (Value v : c.args()) if (derived.contains(v)) return Event.USE;
                    return Event.NONE;
                }
                case Inst.CallIndirect c -> {
                    for (Value v : TirVerifier.operands(c)) if (derived.contains(v)) return Event.USE;
                    return Event.NONE;
                }
                default -> {
                    // Field and element addresses, selects: their results are used later.
                    return Event.NONE;
                }
            }
        }

        /** A load whose value is only released: `trt_rc_release(load S)`, or its string owner's release. */
        private boolean isDropLoad(Block b, Inst.Load l) {
            List<Integer> us = usersOf(b, l.result());
            if (us.isEmpty()) return false;
            for (int i : us) {
                Inst inst = b.insts.get(i);
                if (inst instanceof Inst.Call c && (c.callee().equals(RELEASE) || c.callee().equals(WEAK_RELEASE))) continue;
                if (inst instanceof Inst.StrPart p && p.part() == Inst.StrPart.Part.OWNER) {
                    List<Integer> ou = usersOf(b, p.result());
                    if (ou.isEmpty()) return false;
                    for (int k : ou) {
                        if (!(b.insts.get(k) instanceof Inst.Call c) || !c.callee().equals(STR_RELEASE)) return false;
                    }
                    continue;
                }
                return false;
            }
            return true;
        }

        // ---- the bool slots that hold a known constant (drop flags) -----------------------

        /** Whether a branch on {@code cond} in {@code b} is known to go one way: the flag's value, or null. */
        private Boolean flagAt(Block b, Value cond) {
            if (!(defOf(b, cond) instanceof Inst.Load l) || !(l.slot() instanceof Value.Temp flag) || slots.get(flag) != TirType.BOOL) return null;
            if (flagsIn == null) flagsIn = flags();
            Map<Value.Temp, Boolean> state = flagsIn.get(b.id);
            if (state == null) return null;
            state = new HashMap<>(state);
            int at = defs.get(b.id).get(l.result());
            for (int i = 0; i < at; i++) state = flagStep(b.insts.get(i), state);
            return state.get(flag);
        }

        /** Per block, the bool slots known on entry (null: no path reaches it). */
        private Map<Integer, Map<Value.Temp, Boolean>> flags() {
            Set<Value.Temp> tracked = new HashSet<>();
            for (Map.Entry<Value.Temp, TirType> e : slots.entrySet()) if (e.getValue() == TirType.BOOL) tracked.add(e.getKey());
            for (Block b : blocks) {
                for (Inst inst : b.insts) {
                    for (Value v : TirVerifier.operands(inst)) {
                        if (!(v instanceof Value.Temp t) || !tracked.contains(t)) continue;
                        boolean address = inst instanceof Inst.Load l && l.slot().equals(t)
                                || inst instanceof Inst.Store st && st.slot().equals(t) && !st.value().equals(t);
                        if (!address) tracked.remove(t);
                    }
                }
            }
            Map<Value.Temp, Boolean> start = new HashMap<>();
            return forward(start, (b, i, st) -> {
                Map<Value.Temp, Boolean> next = flagStep(b.insts.get(i), st);
                next.keySet().retainAll(tracked);
                return next;
            }, (a, b) -> {
                Map<Value.Temp, Boolean> m = new HashMap<>();
                for (Map.Entry<Value.Temp, Boolean> e : a.entrySet()) if (e.getValue().equals(b.get(e.getKey()))) m.put(e.getKey(), e.getValue());
                return m;
            });
        }

        private static Map<Value.Temp, Boolean> flagStep(Inst inst, Map<Value.Temp, Boolean> state) {
            if (!(inst instanceof Inst.Store st) || !(st.slot() instanceof Value.Temp t)) return state;
            Map<Value.Temp, Boolean> next = new HashMap<>(state);
            if (st.value() instanceof Value.BoolConst c) next.put(t, c.value());
            else next.remove(t);
            return next;
        }

        /**
         * A forward must-analysis: the state on entry to each block (null where no path
         * reaches it), from {@code start} at the entry. A landing pad starts from what holds
         * before each instruction that may unwind to it.
         */
        private <S> Map<Integer, S> forward(S start, Step<S> step, BiFunction<S, S, S> meet) {
            Map<Integer, S> in = new HashMap<>();
            in.put(blocks.get(0).id, start);
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Block b : blocks) {
                    S s = in.get(b.id);
                    if (s == null) continue;
                    List<S> flows = new ArrayList<>();
                    for (int i = 0; i < b.insts.size(); i++) {
                        Inst inst = b.insts.get(i); // null: a drop another slot's moves removed
                        if (b.unwind != Block.NONE && inst != null && mayUnwind.test(inst)) flows.add(s);
                        s = step.apply(b, i, s);
                    }
                    for (S at : flows) changed |= merge(in, b.unwind, at, meet);
                    switch (b.terminator) {
                        case Terminator.Jump j -> changed |= merge(in, j.target(), s, meet);
                        case Terminator.Branch br -> {
                            changed |= merge(in, br.ifTrue(), s, meet);
                            changed |= merge(in, br.ifFalse(), s, meet);
                        }
                        default -> {}
                    }
                }
            }
            return in;
        }

        private static <S> boolean merge(Map<Integer, S> in, int target, S s, BiFunction<S, S, S> meet) {
            S old = in.get(target);
            S next = old == null ? s : meet.apply(old, s);
            if (next.equals(old)) return false;
            in.put(target, next);
            return true;
        }

        /** What happens to one slot, and the decisions about it. */
        private final class Slot {
            private final Value.Temp s;
            private final Map<Integer, Event[]> events;
            /** Blocks ending in a branch on S's drop flag, and the block that then drops S. */
            private final Map<Integer, Integer> flagged;
            /** Per block: whether every path from its entry drops S before anything else touches it. */
            private final Map<Integer, Boolean> droppedIn = new HashMap<>();

            Slot(Value.Temp s, Map<Integer, Event[]> events, Map<Integer, Integer> flagged) {
                this.s = s;
                this.events = events;
                this.flagged = flagged;
                for (Block b : blocks) droppedIn.put(b.id, true); // greatest fixed point: a loop that never leaves drops nothing
                boolean changed = true;
                while (changed) {
                    changed = false;
                    for (Block b : blocks) {
                        boolean v = droppedFrom(b, 0);
                        if (v != droppedIn.get(b.id)) {
                            droppedIn.put(b.id, v);
                            changed = true;
                        }
                    }
                }
            }

            /** Whether every path from instruction {@code from} of {@code b} meets a drop of S first. */
            boolean droppedFrom(Block b, int from) {
                boolean v = switch (b.terminator) {
                    case Terminator.Jump j -> droppedIn.get(j.target());
                    case Terminator.Branch br -> {
                        // S's drop flag: S was read at the copy, so its flag was set there
                        // (reading a moved variable is E0382), and no store to it came since
                        // (one would have been a use).
                        if (flagged.containsKey(b.id)) yield droppedIn.get(flagged.get(b.id));
                        Boolean flag = flagAt(b, br.condition());
                        if (flag != null) yield droppedIn.get(flag ? br.ifTrue() : br.ifFalse());
                        yield droppedIn.get(br.ifTrue()) && droppedIn.get(br.ifFalse());
                    }
                    case Terminator.Unreachable u -> true;
                    default -> false; // return, resume: S was not dropped
                };
                Event[] e = events.get(b.id);
                for (int i = b.insts.size() - 1; i >= from; i--) {
                    switch (e[i]) {
                        case DROP -> v = true;
                        case USE, DEF -> v = false;
                        case NONE -> {
                            // A panic from a block without a landing pad leaves the function
                            // dropping nothing: only cleanup code does that (a second panic
                            // there ends the process), and S is not dropped either way.
                            if (b.unwind != Block.NONE && mayUnwind.test(b.insts.get(i))) v &= droppedIn.get(b.unwind);
                        }
                    }
                }
                return v;
            }

            /** Nothing between the copy's load and its retain touches S (S still holds the value there). */
            boolean quietBetween(Copy c) {
                Event[] e = events.get(c.block().id);
                for (int i = c.load() + 1; i < c.retain(); i++) if (e[i] != Event.NONE) return false;
                return true;
            }

            boolean droppedFirstAfter(Copy c) {
                return droppedFrom(c.block(), c.retain() + 1);
            }

            /** Removes the drops of S that only ever see the zero a move left. */
            void removeDropsOfZero() {
                Map<Integer, Boolean> in = forward(false, (b, i, zero) -> switch (events.get(b.id)[i]) {
                    case DEF -> b.insts.get(i) instanceof Inst.Store st && st.value() instanceof Value.ZeroConst;
                    case USE -> false;
                    default -> zero;
                }, (a, b) -> a && b);
                for (Block b : blocks) {
                    Boolean zero = in.get(b.id);
                    if (zero == null) continue;
                    for (int i = 0; i < b.insts.size(); i++) {
                        Inst inst = b.insts.get(i);
                        if (inst == null) continue;
                        Event e = events.get(b.id)[i];
                        if (e == Event.DROP && zero) remove(b, i);
                        else if (e == Event.DEF) zero = inst instanceof Inst.Store st && st.value() instanceof Value.ZeroConst;
                        else if (e == Event.USE) zero = false;
                    }
                }
            }

            /** The retain at {@code c.retain()} is now the store of zero. */
            void moved(Copy c) {
                events.get(c.block().id)[c.retain()] = Event.DEF;
            }

            /** Removes the drop at {@code i}: a glue call, or a load with the releases of its value. */
            private void remove(Block b, int i) {
                Inst inst = b.insts.get(i);
                if (inst instanceof Inst.Load l) {
                    for (int k : usersOf(b, l.result())) {
                        if (b.insts.get(k) instanceof Inst.StrPart p) for (int q : usersOf(b, p.result())) b.insts.set(q, null);
                        b.insts.set(k, null);
                    }
                }
                b.insts.set(i, null);
            }
        }
    }
}
