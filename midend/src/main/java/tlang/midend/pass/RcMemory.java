package tlang.midend.pass;

import tlang.midend.tir.Block;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.Terminator;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the RC passes know at a point of a function: a small value numbering over its
 * private slots, the conditions known on the path, and the references the function itself
 * holds a count of. An analysis, not a pass.
 *
 * <p><b>Values.</b> Temps and places get symbolic values ({@link Sym}); two holding the
 * same symbol hold the same bits. A *private* slot is one whose address (and every field or
 * element address made from it) is only loaded from, stored to, copied from or to, or passed
 * to a call — never stored or returned — so only the function's own instructions and the
 * calls it passes the address to can change it. A call given such an address keeps the
 * slot's contents when the callee only reads through that parameter
 * ({@link RcEffects#readOnlyParam}); otherwise the slot is forgotten.
 *
 * <p><b>Facts.</b> Past a branch, its condition's symbol is known true or false.
 *
 * <p><b>Pins.</b> A *pin* is a symbol of which the function itself holds a count it has not
 * given away: made by `trt_rc_retain` (or `trt_rc_alloc`, `trt_rc_weak_upgrade`), and lost at
 * a release of the symbol, when a value containing it is handed over (stored outside the
 * private slots, passed by value to a call, returned), or when a slot holding it is
 * forgotten or passed to a callee that may take what it points to (not
 * {@link RcEffects#borrowsParam}). A pin may hold only under a condition (the Option drop
 * glue retains the payload only when the tag says `Some`): at a join, a pin that comes in on
 * some edges only survives when one known condition is true on exactly those edges. This
 * rests on the ownership discipline of the lowering (docs/midend.md, "Ownership and drops
 * in the lowering"): a count the function owns is given up only by the function — a
 * release, a hand-over, or drop glue given the place that holds it — never by a callee that
 * only borrows, nor by another reference's release.
 *
 * <p>{@link #analyze} runs once over a function in reverse postorder; a block entered by an
 * edge from a block not yet visited (a loop header) starts knowing nothing, and so does a
 * landing pad, so no symbol made in one iteration meets one of another.
 */
final class RcMemory {
    /** A symbolic value: two temps or places holding the same one hold the same bits. */
    sealed interface Sym {}
    /** A value nothing more is known about (each is different from every other). */
    record Unknown(int id) implements Sym {}
    /** A constant or a parameter of the function. */
    record Known(Value value) implements Sym {}
    /** A struct value made of these fields. */
    record Agg(List<Sym> fields) implements Sym {}
    /** Field {@code index} of an aggregate value that is otherwise unknown. */
    record Field(Sym of, int index) implements Sym {}
    /** A pure operation (a comparison, `not`) of known operands. */
    record Op(String op, List<Sym> args) implements Sym {}
    /** The address of field or element {@code index} of what {@code base} points to (not a private slot). */
    record HeapAddr(Sym base, int index) implements Sym {}
    /** What was loaded, as a {@code type}, from {@code address} (not a private slot) while memory was as in {@code epoch}. */
    record HeapLoad(Sym address, int epoch, TirType type) implements Sym {}

    /** When a pin holds: always ({@code cond} null), or while {@code cond} is {@code value}. */
    record Guard(Sym cond, boolean value) {
        static final Guard ALWAYS = new Guard(null, true);
    }

    /** A place in a private slot: its slot's temp and a path of field or element indices. */
    record Place(int root, List<Integer> path) {
        Place child(int index) {
            List<Integer> p = new ArrayList<>(path);
            p.add(index);
            return new Place(root, List.copyOf(p));
        }

        boolean overlaps(Place other) {
            if (root != other.root) return false;
            int n = Math.min(path.size(), other.path.size());
            return path.subList(0, n).equals(other.path.subList(0, n));
        }
    }

    /** An address into a private slot; {@code exact} false after an element address with a variable index. */
    record Address(Place place, boolean exact) {}

    private final Set<Integer> privateSlots;
    private final RcEffects effects;
    private int fresh;

    RcMemory(Function f, RcEffects effects) {
        this.privateSlots = privateSlots(f);
        this.effects = effects;
    }

    static Sym field(Sym s, int index) {
        if (s instanceof Agg a && index < a.fields().size()) return a.fields().get(index);
        return new Field(s, index);
    }

    /** Whether {@code inner} is {@code outer}, part of it, or made from part of it. */
    static boolean occurs(Sym inner, Sym outer) {
        if (inner.equals(outer)) return true;
        if (outer instanceof Agg a) for (Sym s : a.fields()) if (occurs(inner, s)) return true;
        if (outer instanceof Op o) for (Sym s : o.args()) if (occurs(inner, s)) return true;
        if (inner instanceof Field f) return occurs(f.of(), outer);
        return false;
    }

    Sym unknown() { return new Unknown(fresh++); }

    boolean isPrivate(int slot) { return privateSlots.contains(slot); }

    /** What is known at one point; temps only for the current block. */
    final class State {
        final Map<Place, Sym> memory;
        final Map<Sym, Boolean> facts;
        final Map<Sym, Guard> pins;
        final Map<Integer, Sym> temps = new HashMap<>();
        final Map<Integer, Address> addresses = new HashMap<>();
        /** Symbols whose pin was given up since this was last cleared. */
        final Set<Sym> unpinned = new HashSet<>();
        /**
         * Memory outside the private slots as it is now: a new number after every store
         * there, and every call that may store there ({@link RcEffects#writesHeap}).
         */
        int epoch;

        State() { this(new HashMap<>(), new HashMap<>(), new LinkedHashMap<>(), fresh++); }

        private State(Map<Place, Sym> memory, Map<Sym, Boolean> facts, Map<Sym, Guard> pins, int epoch) {
            this.memory = memory;
            this.facts = facts;
            this.pins = pins;
            this.epoch = epoch;
        }

        /** A copy for a successor block: temps do not leave their block. */
        State forSuccessor() { return new State(new HashMap<>(memory), new HashMap<>(facts), new LinkedHashMap<>(pins), epoch); }

        void heapWritten() { epoch = fresh++; }

        Sym sym(Value v) {
            if (v instanceof Value.Temp t) {
                Sym s = temps.get(t.id());
                if (s == null) {
                    s = unknown();
                    temps.put(t.id(), s);
                }
                return s;
            }
            return new Known(v);
        }

        /** Whether the function holds a count of {@code s} here. */
        boolean pinned(Sym s) {
            Guard g = pins.get(s);
            return g != null && (g.cond() == null || Boolean.valueOf(g.value()).equals(facts.get(g.cond())));
        }

        void pin(Sym s) { pins.put(s, Guard.ALWAYS); }

        /** Gives up every pin {@code given} occurs in (a value handed over, released or lost). */
        void unpin(Sym given) {
            pins.keySet().removeIf(p -> {
                if (!occurs(p, given)) return false;
                unpinned.add(p);
                return true;
            });
        }

        /** The private place {@code v} is the address of, or null (not an address into a private slot). */
        Address address(Value v) {
            if (!(v instanceof Value.Temp t)) return null;
            if (privateSlots.contains(t.id())) return new Address(new Place(t.id(), List.of()), true);
            return addresses.get(t.id());
        }

        /** The value a place holds, made up (and remembered) when nothing is known about it. */
        Sym read(Place p, TirType type) {
            Sym s = memory.get(p);
            if (s != null) return s;
            for (int k = p.path().size() - 1; k >= 0; k--) {
                Sym whole = memory.get(new Place(p.root(), p.path().subList(0, k)));
                if (whole != null) {
                    Sym r = whole;
                    for (int i = k; i < p.path().size(); i++) r = field(r, p.path().get(i));
                    return r;
                }
            }
            if (type instanceof TirType.Struct st && hasInside(p)) {
                List<Sym> fields = new ArrayList<>();
                for (int i = 0; i < st.fields().size(); i++) fields.add(read(p.child(i), st.fields().get(i)));
                return new Agg(List.copyOf(fields));
            }
            // Nothing known about p as a whole: what is known inside it can no longer be
            // followed through the new value.
            if (hasInside(p)) for (Map.Entry<Place, Sym> e : memory.entrySet()) if (e.getKey().overlaps(p)) unpin(e.getValue());
            Sym u = unknown();
            memory.put(p, u);
            return u;
        }

        private boolean hasInside(Place p) {
            for (Place q : memory.keySet()) if (q.root() == p.root() && q.path().size() > p.path().size() && q.overlaps(p)) return true;
            return false;
        }

        void write(Place p, Sym s) {
            forget(p);
            memory.put(p, s);
        }

        /**
         * Forgets what is known about {@code p} and every place that overlaps it; a pin held
         * there can no longer be followed, so it is given up.
         */
        void forget(Place p) {
            memory.entrySet().removeIf(e -> {
                if (!e.getKey().overlaps(p)) return false;
                unpin(e.getValue());
                return true;
            });
        }

        void forgetSlot(int root) {
            forget(new Place(root, List.of()));
        }

        /** Gives up the pins held in a slot whose contents a callee may take. */
        void handOverSlot(int root) {
            for (Map.Entry<Place, Sym> e : memory.entrySet()) if (e.getKey().root() == root) unpin(e.getValue());
        }

        /** The private places holding {@code s} that are whole slots. */
        Set<Integer> slotsHolding(Sym s) {
            Set<Integer> r = new HashSet<>();
            for (Map.Entry<Place, Sym> e : memory.entrySet()) if (e.getKey().path().isEmpty() && e.getValue().equals(s)) r.add(e.getKey().root());
            return r;
        }
    }

    /** Applies one instruction to {@code s}. */
    void step(State s, Inst inst) {
        switch (inst) {
            case Inst.Slot sl -> {}
            case Inst.Load l -> {
                Address a = s.address(l.slot());
                Sym v;
                if (a == null) v = new HeapLoad(s.sym(l.slot()), s.epoch, l.type());
                else if (a.exact()) v = s.read(a.place(), l.type());
                else {
                    s.handOverSlot(a.place().root()); // an element not known: its count cannot be followed
                    v = unknown();
                }
                s.temps.put(l.result().id(), v);
            }
            case Inst.Store st -> {
                Address a = s.address(st.slot());
                Sym v = s.sym(st.value());
                if (a == null) {
                    s.unpin(v); // handed over to memory nothing here follows
                    s.heapWritten();
                } else if (a.exact()) s.write(a.place(), v);
                else {
                    s.forgetSlot(a.place().root());
                    s.unpin(v);
                }
            }
            case Inst.FieldAddr fa -> {
                Address a = s.address(fa.pointer());
                if (a != null) s.addresses.put(fa.result().id(), new Address(a.place().child(fa.index()), a.exact()));
                else s.temps.put(fa.result().id(), new HeapAddr(s.sym(fa.pointer()), fa.index()));
            }
            case Inst.ElementAddr ea -> {
                Address a = s.address(ea.pointer());
                if (a != null) {
                    if (ea.index() instanceof Value.IntConst c && c.value() >= 0 && c.value() < ea.type().length()) {
                        s.addresses.put(ea.result().id(), new Address(a.place().child((int) c.value()), a.exact()));
                    } else {
                        s.addresses.put(ea.result().id(), new Address(a.place(), false));
                    }
                } else if (ea.index() instanceof Value.IntConst c && c.value() >= 0 && c.value() < ea.type().length()) {
                    s.temps.put(ea.result().id(), new HeapAddr(s.sym(ea.pointer()), (int) c.value()));
                } else {
                    s.temps.put(ea.result().id(), unknown());
                }
            }
            case Inst.MakeStruct m -> {
                List<Sym> fields = new ArrayList<>();
                for (Value v : m.fields()) fields.add(s.sym(v));
                s.temps.put(m.result().id(), new Agg(List.copyOf(fields)));
            }
            case Inst.ExtractField x -> s.temps.put(x.result().id(), field(s.sym(x.aggregate()), x.index()));
            case Inst.Compare c -> s.temps.put(c.result().id(), new Op("cmp " + c.op(), List.of(s.sym(c.left()), s.sym(c.right()))));
            case Inst.Not n -> s.temps.put(n.result().id(), new Op("not", List.of(s.sym(n.operand()))));
            // A value that may be one of its operands: handing it over hands them over.
            case Inst.Select sel -> s.temps.put(sel.result().id(), new Op("select", List.of(s.sym(sel.condition()), s.sym(sel.ifTrue()), s.sym(sel.ifFalse()))));
            case Inst.Cast c -> s.temps.put(c.result().id(), new Op("cast", List.of(s.sym(c.operand()))));
            case Inst.CopyMem c -> {
                Address d = s.address(c.destination()), from = s.address(c.source());
                Sym copied = from != null && from.exact() ? s.read(from.place(), c.type()) : null;
                if (from != null && !from.exact()) s.handOverSlot(from.place().root());
                if (d != null && d.exact() && copied != null) s.write(d.place(), copied);
                else if (d != null && d.exact()) s.forget(d.place());
                else if (d != null) s.forgetSlot(d.place().root());
                if (d == null) {
                    s.heapWritten();
                    // Copied out to memory nothing here follows: what was in it is handed over.
                    if (copied != null) s.unpin(copied);
                    else if (from != null) s.handOverSlot(from.place().root());
                }
            }
            case Inst.Call c -> call(s, c);
            case Inst.CallIndirect c -> {
                s.heapWritten();
                s.unpin(s.sym(c.callee()));
                for (Value v : c.args()) {
                    Address a = s.address(v);
                    if (a != null) {
                        s.handOverSlot(a.place().root());
                        s.forgetSlot(a.place().root());
                    } else {
                        s.unpin(s.sym(v));
                    }
                }
                if (c.result() != null) s.temps.put(c.result().id(), unknown());
            }
            case Inst.LandingPad lp -> {
                Address a = s.address(lp.slot());
                if (a != null) s.forgetSlot(a.place().root());
            }
            default -> {
                if (inst.result() != null) s.temps.put(inst.result().id(), unknown());
            }
        }
    }

    private void call(State s, Inst.Call c) {
        String callee = c.callee();
        if (callee.equals(RcEffects.RETAIN)) {
            s.pin(s.sym(c.args().get(0)));
            return;
        }
        if (callee.equals(RcEffects.RELEASE)) {
            s.unpin(s.sym(c.args().get(0)));
            return;
        }
        if (effects.writesHeap(callee)) s.heapWritten();
        boolean quiet = RcEffects.keepsArguments(callee);
        for (int k = 0; k < c.args().size(); k++) {
            Value v = c.args().get(k);
            Address a = s.address(v);
            if (a != null) {
                if (!effects.borrowsParam(callee, k)) s.handOverSlot(a.place().root());
                if (!effects.readOnlyParam(callee, k)) s.forgetSlot(a.place().root());
            } else if (!quiet && !effects.borrowsParam(callee, k)) {
                s.unpin(s.sym(v));
            }
        }
        if (c.result() != null) {
            Sym r = unknown();
            s.temps.put(c.result().id(), r);
            if (RcEffects.givesCount(callee)) s.pin(r);
        }
    }

    /**
     * The state at the start of each block, in one pass in reverse postorder: a block with an
     * edge from a block not yet visited (a loop header) and a landing pad start empty.
     * {@code edges} receives, per block, the state each of its successors gets from it.
     */
    /** The states at the start of each block reached, and on each edge taken (absent: never taken). */
    record Analysis(Map<Integer, State> in, Map<Integer, Map<Integer, State>> edges) {}

    Analysis analyze(List<Block> blocks) {
        Map<Integer, State> in = new HashMap<>();
        Map<Integer, Map<Integer, State>> edges = new HashMap<>();
        Map<Integer, List<Integer>> preds = new HashMap<>();
        for (Block b : blocks) for (int t : RcPairs.successors(b.terminator)) preds.computeIfAbsent(t, k -> new ArrayList<>()).add(b.id);
        Set<Integer> visited = new HashSet<>();
        for (int id : reversePostorder(blocks)) {
            Block b = blocks.get(id);
            State s = null;
            boolean fromUnvisited = false;
            List<State> incoming = new ArrayList<>();
            List<Integer> ps = preds.getOrDefault(id, List.of());
            for (int p : ps) {
                if (!visited.contains(p)) {
                    fromUnvisited = true;
                    continue;
                }
                State e = edges.get(p).get(id);
                if (e != null) incoming.add(e); // else the edge is never taken
            }
            if (!fromUnvisited && !incoming.isEmpty() && !b.isLandingPad()) s = meet(incoming);
            if (s == null) s = new State();
            visited.add(id);
            in.put(id, s.forSuccessor());
            for (Inst inst : b.insts) step(s, inst);
            edges.put(id, successorStates(b, s));
        }
        return new Analysis(in, edges);
    }

    /**
     * The state each successor of {@code b} gets, with the branch condition as a fact. A
     * branch whose condition is known already has one successor only: the other edge is
     * never taken from here.
     */
    Map<Integer, State> successorStates(Block b, State end) {
        Map<Integer, State> out = new HashMap<>();
        switch (b.terminator) {
            case Terminator.Jump j -> out.put(j.target(), end.forSuccessor());
            case Terminator.Branch br -> {
                Sym c = end.sym(br.condition());
                Boolean known = c instanceof Known k && k.value() instanceof Value.BoolConst bc ? Boolean.valueOf(bc.value()) : end.facts.get(c);
                if (br.ifTrue() == br.ifFalse()) {
                    out.put(br.ifTrue(), end.forSuccessor());
                } else if (known != null) {
                    out.put(known ? br.ifTrue() : br.ifFalse(), end.forSuccessor());
                } else {
                    State t = end.forSuccessor(), f = end.forSuccessor();
                    t.facts.put(c, true);
                    f.facts.put(c, false);
                    out.put(br.ifTrue(), t);
                    out.put(br.ifFalse(), f);
                }
            }
            default -> {}
        }
        return out;
    }

    /** The facts that hold on every incoming edge; a pin survives under a condition that tells the edges apart. */
    State meet(List<State> incoming) {
        State first = incoming.get(0);
        Map<Place, Sym> memory = new HashMap<>();
        for (Map.Entry<Place, Sym> e : first.memory.entrySet()) {
            boolean all = true;
            for (State o : incoming) if (!e.getValue().equals(o.memory.get(e.getKey()))) { all = false; break; }
            if (all) memory.put(e.getKey(), e.getValue());
        }
        // What some edge knows a place holds and the join does not: a count held there can
        // no longer be followed.
        List<Sym> lost = new ArrayList<>();
        for (State o : incoming) {
            for (Map.Entry<Place, Sym> e : o.memory.entrySet()) if (!e.getValue().equals(memory.get(e.getKey()))) lost.add(e.getValue());
        }
        Map<Sym, Boolean> facts = new HashMap<>();
        for (Map.Entry<Sym, Boolean> e : first.facts.entrySet()) {
            boolean all = true;
            for (State o : incoming) if (!e.getValue().equals(o.facts.get(e.getKey()))) { all = false; break; }
            if (all) facts.put(e.getKey(), e.getValue());
        }
        Map<Sym, Guard> pins = new LinkedHashMap<>();
        Set<Sym> candidates = new java.util.LinkedHashSet<>();
        for (State o : incoming) candidates.addAll(o.pins.keySet());
        for (Sym p : candidates) {
            boolean everywhere = true;
            for (State o : incoming) if (!o.pinned(p)) { everywhere = false; break; }
            if (everywhere) {
                pins.put(p, Guard.ALWAYS);
                continue;
            }
            // A condition known true on every edge that holds the pin and false on every other.
            for (State o : incoming) {
                if (!o.pinned(p)) continue;
                for (Map.Entry<Sym, Boolean> fact : o.facts.entrySet()) {
                    boolean separates = true;
                    for (State q : incoming) {
                        Boolean known = q.facts.get(fact.getKey());
                        if (known == null || known.equals(fact.getValue()) != q.pinned(p)) { separates = false; break; }
                    }
                    if (separates) {
                        pins.put(p, new Guard(fact.getKey(), fact.getValue()));
                        break;
                    }
                }
                break;
            }
        }
        for (Sym l : lost) pins.keySet().removeIf(p -> occurs(p, l));
        int epoch = first.epoch;
        for (State o : incoming) if (o.epoch != epoch) { epoch = fresh++; break; }
        return new State(memory, facts, pins, epoch);
    }

    static List<Integer> reversePostorder(List<Block> blocks) {
        List<Integer> post = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        // Iterative depth-first search over normal and unwind edges from the entry.
        java.util.Deque<int[]> stack = new java.util.ArrayDeque<>();
        stack.push(new int[] {0, 0});
        seen.add(0);
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            Block b = blocks.get(top[0]);
            List<Integer> succ = new ArrayList<>(RcPairs.successors(b.terminator));
            if (b.unwind != Block.NONE) succ.add(b.unwind);
            if (top[1] < succ.size()) {
                int next = succ.get(top[1]++);
                if (seen.add(next)) stack.push(new int[] {next, 0});
            } else {
                stack.pop();
                post.add(top[0]);
            }
        }
        java.util.Collections.reverse(post);
        return post;
    }

    /**
     * Slots whose address, and every address made from it, is only used as the address of a
     * load, store, copy, field or element address, or as a call argument.
     */
    static Set<Integer> privateSlots(Function f) {
        Set<Integer> slots = new HashSet<>();
        for (Block b : f.blocks()) for (Inst inst : b.insts) if (inst instanceof Inst.Slot s) slots.add(s.result().id());
        Set<Integer> escaped = new HashSet<>();
        for (Block b : f.blocks()) {
            Map<Integer, Integer> rootOf = new HashMap<>();
            for (Inst inst : b.insts) {
                for (Value v : TirVerifier.operands(inst)) {
                    Integer root = rootOf(v, slots, rootOf);
                    if (root == null) continue;
                    boolean ok = switch (inst) {
                        case Inst.Load l -> true;
                        case Inst.Store st -> st.slot().equals(v) && !st.value().equals(v);
                        case Inst.FieldAddr fa -> { rootOf.put(fa.result().id(), root); yield true; }
                        case Inst.ElementAddr ea -> {
                            if (!ea.pointer().equals(v)) yield false;
                            rootOf.put(ea.result().id(), root);
                            yield true;
                        }
                        case Inst.CopyMem c -> true;
                        case Inst.Call c -> true;
                        case Inst.CallIndirect c -> !c.callee().equals(v);
                        default -> false;
                    };
                    if (!ok) escaped.add(root);
                }
            }
            for (Value v : DeadCodeElimination.operands(b.terminator)) {
                Integer root = rootOf(v, slots, rootOf);
                if (root != null) escaped.add(root);
            }
        }
        slots.removeAll(escaped);
        return slots;
    }

    private static Integer rootOf(Value v, Set<Integer> slots, Map<Integer, Integer> rootOf) {
        if (!(v instanceof Value.Temp t)) return null;
        if (slots.contains(t.id())) return t.id();
        return rootOf.get(t.id());
    }
}
