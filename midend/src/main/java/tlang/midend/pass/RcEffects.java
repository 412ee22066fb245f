package tlang.midend.pass;

import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.ExternFunction;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirType;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a call may do to reference counts, for the RC passes ({@link RcPairs},
 * {@link BorrowParams}): an analysis of the whole module, not a pass.
 *
 * <ul>
 *   <li>{@link #releases}: the call may give up a strong reference (`trt_rc_release`, or a
 *       function that calls it, directly or not) — and so may run any `Drop` impl and free
 *       objects.</li>
 *   <li>{@link #observes}: the call may read a count (`trt_rc_strong_count`,
 *       `trt_rc_weak_count`), or run a drop function that may; a release observes when some
 *       class's drop function (a `trt_type`'s `drop`, named by {@link Value.TypeInfo})
 *       observes.</li>
 *   <li>{@link #readOnlyParam}: a pointer parameter through which the function only reads
 *       (loads, field and element addresses it only loads through, or arguments to
 *       parameters that are read-only in turn, and private slots holding nothing but it),
 *       so a caller's slot whose address it passes keeps its contents.</li>
 * </ul>
 *
 * <p>Runtime functions are known by name: allocation, retains, weak releases (which never
 * change a strong count), upgrades, formatting, writing, arguments and the panic entry
 * points release nothing and read no count (a panic unwinds, which the passes handle
 * through unwind edges). An unknown extern and an indirect call may do anything.
 * Both properties are least fixed points over the call graph.
 */
final class RcEffects {
    /** Runtime functions that neither release a strong reference nor read a count. */
    private static final Set<String> QUIET = Set.of(
            RuntimeAbi.RC_ALLOC.symbol(), RuntimeAbi.RC_RETAIN.symbol(), RuntimeAbi.RC_WEAK_RETAIN.symbol(),
            RuntimeAbi.RC_WEAK_RELEASE.symbol(), RuntimeAbi.RC_WEAK_UPGRADE.symbol(),
            RuntimeAbi.WRITE.symbol(), RuntimeAbi.WRITE_I64.symbol(), RuntimeAbi.WRITE_BOOL.symbol(),
            RuntimeAbi.WRITE_U64.symbol(), RuntimeAbi.WRITE_CHAR.symbol(), RuntimeAbi.EXIT.symbol(),
            RuntimeAbi.PANIC.symbol(), RuntimeAbi.PANIC_BEGIN.symbol(), RuntimeAbi.PANIC_END.symbol(),
            RuntimeAbi.PANIC_BOUNDS.symbol(), RuntimeAbi.PANIC_CATCH.symbol(), RuntimeAbi.ARG_COUNT.symbol(),
            RuntimeAbi.ARG_PTR.symbol(), RuntimeAbi.ARG_LEN.symbol(), RuntimeAbi.STR_EQ.symbol(),
            RuntimeAbi.STREAM_SINK.symbol(), RuntimeAbi.FMT_I64.symbol(), RuntimeAbi.FMT_U64.symbol(),
            RuntimeAbi.FMT_F64.symbol(), RuntimeAbi.FMT_F32.symbol(), RuntimeAbi.FMT_STR.symbol(),
            RuntimeAbi.FMT_CHAR.symbol(), RuntimeAbi.FMT_BOOL.symbol());
    private static final Set<String> OBSERVERS = Set.of(RuntimeAbi.RC_STRONG_COUNT.symbol(), RuntimeAbi.RC_WEAK_COUNT.symbol());
    static final String RELEASE = RuntimeAbi.RC_RELEASE.symbol();
    static final String RETAIN = RuntimeAbi.RC_RETAIN.symbol();

    private final Set<String> releasing = new HashSet<>();
    private final Set<String> writing = new HashSet<>();
    private final Set<String> observing = new HashSet<>();
    private final Map<String, boolean[]> readOnly = new HashMap<>();
    private final Map<String, boolean[]> borrowing = new HashMap<>();
    private final Set<String> externs = new HashSet<>();
    private final Set<String> defined = new HashSet<>();

    private RcEffects() {}

    static RcEffects of(TirModule m) {
        RcEffects e = new RcEffects();
        for (ExternFunction x : m.externs()) e.externs.add(x.symbol());
        for (Function f : m.functions()) e.defined.add(f.symbol());
        Set<String> drops = new HashSet<>();
        for (Function f : m.functions()) {
            for (Block b : f.blocks()) {
                for (Inst inst : b.insts) {
                    for (Value v : TirVerifier.operands(inst)) {
                        if (v instanceof Value.TypeInfo ti && ti.drop() != null) drops.add(ti.drop());
                    }
                }
            }
        }
        e.releasing.add(RELEASE);
        boolean changed = true;
        while (changed) {
            changed = false;
            if (!e.observing.contains(RELEASE) && drops.stream().anyMatch(e.observing::contains)) {
                e.observing.add(RELEASE);
                changed = true;
            }
            for (Function f : m.functions()) {
                boolean rel = e.releasing.contains(f.symbol()), obs = e.observing.contains(f.symbol());
                if (rel && obs) continue;
                for (Block b : f.blocks()) {
                    for (Inst inst : b.insts) {
                        switch (inst) {
                            case Inst.Call c -> {
                                if (!rel && e.releases(c.callee())) rel = true;
                                if (!obs && e.observes(c.callee())) obs = true;
                            }
                            case Inst.CallIndirect c -> { rel = true; obs = true; }
                            default -> {}
                        }
                    }
                }
                if (rel && e.releasing.add(f.symbol())) changed = true;
                if (obs && e.observing.add(f.symbol())) changed = true;
            }
        }
        e.heapWriters(m, drops);
        e.readOnlyParams(m);
        e.borrowingParams(m);
        return e;
    }

    /** Whether a call of {@code symbol} may give up a strong reference (and so run drops). */
    boolean releases(String symbol) {
        if (releasing.contains(symbol)) return true;
        if (defined.contains(symbol)) return false;
        return !QUIET.contains(symbol) && !OBSERVERS.contains(symbol);
    }

    /**
     * Whether a call of {@code symbol} may store to memory other than its own private slots
     * (an object's fields, or what a pointer argument points to). Counts are not fields: the
     * runtime's retains and releases change none, but a release runs drop functions, which
     * may.
     */
    boolean writesHeap(String symbol) {
        if (writing.contains(symbol)) return true;
        if (defined.contains(symbol) || symbol.equals(RELEASE)) return false;
        return !(QUIET.contains(symbol) || OBSERVERS.contains(symbol)) || symbol.equals(RuntimeAbi.PANIC_CATCH.symbol());
    }

    /** Least fixed point of {@link #writesHeap} over the module. */
    private void heapWriters(TirModule m, Set<String> drops) {
        Set<String> direct = new HashSet<>();
        for (Function f : m.functions()) if (storesOutside(f)) direct.add(f.symbol());
        writing.addAll(direct);
        boolean changed = true;
        while (changed) {
            changed = false;
            if (!writing.contains(RELEASE) && drops.stream().anyMatch(writing::contains)) {
                writing.add(RELEASE);
                changed = true;
            }
            for (Function f : m.functions()) {
                if (writing.contains(f.symbol())) continue;
                boolean w = false;
                for (Block b : f.blocks()) {
                    for (Inst inst : b.insts) {
                        if (inst instanceof Inst.Call c && writesHeap(c.callee()) || inst instanceof Inst.CallIndirect) w = true;
                    }
                }
                if (w) {
                    writing.add(f.symbol());
                    changed = true;
                }
            }
        }
    }

    /** Whether {@code f} stores (or copies) to an address that is not in one of its private slots. */
    private static boolean storesOutside(Function f) {
        Set<Integer> priv = RcMemory.privateSlots(f);
        for (Block b : f.blocks()) {
            Set<Integer> inside = new HashSet<>(priv);
            for (Inst inst : b.insts) {
                switch (inst) {
                    case Inst.FieldAddr fa when fa.pointer() instanceof Value.Temp t && inside.contains(t.id()) -> inside.add(fa.result().id());
                    case Inst.ElementAddr ea when ea.pointer() instanceof Value.Temp t && inside.contains(t.id()) -> inside.add(ea.result().id());
                    case Inst.Store st -> { if (!(st.slot() instanceof Value.Temp t && inside.contains(t.id()))) return true; }
                    case Inst.CopyMem c -> { if (!(c.destination() instanceof Value.Temp t && inside.contains(t.id()))) return true; }
                    default -> {}
                }
            }
        }
        return false;
    }

    /** Whether a call of {@code symbol} may read a reference count. */
    boolean observes(String symbol) {
        if (observing.contains(symbol) || OBSERVERS.contains(symbol)) return true;
        if (defined.contains(symbol) || symbol.equals(RELEASE)) return false;
        return !QUIET.contains(symbol);
    }

    /** Whether {@code inst} may release or read a count: a call that may, or an indirect call. */
    boolean releases(Inst inst) {
        return switch (inst) {
            case Inst.Call c -> releases(c.callee());
            case Inst.CallIndirect c -> true;
            default -> false;
        };
    }

    boolean observes(Inst inst) {
        return switch (inst) {
            case Inst.Call c -> observes(c.callee());
            case Inst.CallIndirect c -> true;
            default -> false;
        };
    }

    /**
     * Whether a call of the runtime function {@code symbol} leaves its arguments' counts to
     * the caller: everything known but `trt_rc_release` (retains, weak references, counts,
     * formatting and writing take no count over).
     */
    static boolean keepsArguments(String symbol) {
        return QUIET.contains(symbol) || OBSERVERS.contains(symbol);
    }

    /** Whether the runtime function {@code symbol} returns a count its caller then holds. */
    static boolean givesCount(String symbol) {
        return symbol.equals(RuntimeAbi.RC_ALLOC.symbol()) || symbol.equals(RuntimeAbi.RC_WEAK_UPGRADE.symbol());
    }

    /**
     * Whether a T function only borrows through its pointer parameter {@code index}: it only
     * reads through it ({@link #readOnlyParam}), and what it reads there it never releases nor
     * hands over (it only reads through that in turn, compares it, or copies it with a
     * retain). A caller's count on what the pointer leads to is the caller's after the call.
     */
    boolean borrowsParam(String symbol, int index) {
        boolean[] r = borrowing.get(symbol);
        return r != null && index < r.length && r[index];
    }

    /** Whether a T function only reads through its pointer parameter {@code index}. */
    boolean readOnlyParam(String symbol, int index) {
        boolean[] r = readOnly.get(symbol);
        return r != null && index < r.length && r[index];
    }

    /**
     * Greatest fixed point: every pointer parameter starts read-only and loses it when a use
     * may write through it or let it escape (including to a parameter that is not read-only).
     */
    private void readOnlyParams(TirModule m) {
        Map<String, Function> bySymbol = new HashMap<>();
        for (Function f : m.functions()) {
            bySymbol.put(f.symbol(), f);
            boolean[] r = new boolean[f.params().size()];
            for (int i = 0; i < r.length; i++) r[i] = f.params().get(i) == TirType.PTR;
            readOnly.put(f.symbol(), r);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Function f : m.functions()) {
                boolean[] r = readOnly.get(f.symbol());
                for (int i = 0; i < r.length; i++) {
                    if (r[i] && !readOnlyIn(f, i)) {
                        r[i] = false;
                        changed = true;
                    }
                }
            }
        }
    }

    /** Greatest fixed point, like {@link #readOnlyParams}, among the read-only parameters. */
    private void borrowingParams(TirModule m) {
        for (Function f : m.functions()) borrowing.put(f.symbol(), readOnly.get(f.symbol()).clone());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Function f : m.functions()) {
                boolean[] r = borrowing.get(f.symbol());
                for (int i = 0; i < r.length; i++) {
                    if (r[i] && !borrowingIn(f, i)) {
                        r[i] = false;
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * Whether what {@code f} loads through parameter {@code index} (a read-only one) is only
     * read through, compared, or passed where it is borrowed or copied.
     */
    private boolean borrowingIn(Function f, int index) {
        Set<Integer> holders = holders(f, index);
        Value param = new Value.Param(index, TirType.PTR);
        for (Block b : f.blocks()) {
            Set<Value> derived = new HashSet<>();
            derived.add(param);
            Set<Value> loaded = new HashSet<>();
            for (Inst inst : b.insts) {
                if (inst instanceof Inst.Load l && l.slot() instanceof Value.Temp t && holders.contains(t.id())) {
                    derived.add(l.result());
                    continue;
                }
                switch (inst) {
                    case Inst.FieldAddr fa when derived.contains(fa.pointer()) -> derived.add(fa.result());
                    case Inst.ElementAddr ea when derived.contains(ea.pointer()) -> derived.add(ea.result());
                    case Inst.Load l when derived.contains(l.slot()) -> loaded.add(l.result());
                    default -> {}
                }
                for (Value v : TirVerifier.operands(inst)) {
                    if (!loaded.contains(v)) continue;
                    boolean ok = switch (inst) {
                        case Inst.Load l -> true;
                        case Inst.FieldAddr fa -> true;
                        case Inst.ElementAddr ea -> ea.pointer().equals(v);
                        case Inst.Compare c -> true;
                        case Inst.Store st -> st.slot().equals(v) && !st.value().equals(v);
                        case Inst.ExtractField x -> { loaded.add(x.result()); yield true; }
                        case Inst.Call c -> {
                            if (externs.contains(c.callee())) yield keepsArguments(c.callee());
                            for (int k = 0; k < c.args().size(); k++) {
                                if (c.args().get(k).equals(v) && !borrowsParam(c.callee(), k)) yield false;
                            }
                            yield true;
                        }
                        default -> false;
                    };
                    if (!ok) return false;
                }
            }
            for (Value v : DeadCodeElimination.operands(b.terminator)) if (loaded.contains(v)) return false;
        }
        return true;
    }

    /** Slots of {@code f} that hold nothing but parameter {@code index} (stored from it). */
    private static Set<Integer> holders(Function f, int index) {
        Set<Integer> holders = new HashSet<>();
        Set<Integer> slots = new HashSet<>();
        for (Block b : f.blocks()) for (Inst inst : b.insts) if (inst instanceof Inst.Slot s) slots.add(s.result().id());
        Value param = new Value.Param(index, TirType.PTR);
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) {
                if (inst instanceof Inst.Store st && st.slot() instanceof Value.Temp t && slots.contains(t.id()) && st.value().equals(param)) holders.add(t.id());
            }
        }
        return holders;
    }

    /** Whether every use of parameter {@code index} in {@code f} only reads through it. */
    private boolean readOnlyIn(Function f, int index) {
        // Slots that hold nothing but the parameter: loading one gives the parameter back.
        Set<Integer> holders = holders(f, index);
        Value param = new Value.Param(index, TirType.PTR);
        // A holder must hold only the parameter and be used only by loads and such stores.
        for (Block b : f.blocks()) {
            for (Inst inst : b.insts) {
                for (Value v : TirVerifier.operands(inst)) {
                    if (!(v instanceof Value.Temp t) || !holders.contains(t.id())) continue;
                    boolean ok = switch (inst) {
                        case Inst.Load l -> l.slot().equals(v);
                        case Inst.Store s -> s.slot().equals(v) && s.value().equals(param);
                        default -> false;
                    };
                    if (!ok) return false;
                }
            }
            for (Value v : DeadCodeElimination.operands(b.terminator)) if (v instanceof Value.Temp t && holders.contains(t.id())) return false;
        }
        for (Block b : f.blocks()) {
            // Values in this block that are the parameter, or addresses derived from it.
            Set<Value> derived = new HashSet<>();
            derived.add(param);
            for (Inst inst : b.insts) {
                if (inst instanceof Inst.Load l && l.slot() instanceof Value.Temp t && holders.contains(t.id())) {
                    derived.add(l.result());
                    continue;
                }
                if (inst instanceof Inst.Store s && s.slot() instanceof Value.Temp t && holders.contains(t.id())) continue;
                for (Value v : TirVerifier.operands(inst)) {
                    if (!derived.contains(v)) continue;
                    boolean ok = switch (inst) {
                        case Inst.Load l -> true;
                        case Inst.FieldAddr fa -> { derived.add(fa.result()); yield true; }
                        case Inst.ElementAddr ea -> {
                            if (!ea.pointer().equals(v)) yield false;
                            derived.add(ea.result());
                            yield true;
                        }
                        case Inst.CopyMem c -> c.source().equals(v) && !c.destination().equals(v);
                        case Inst.Call c -> {
                            for (int k = 0; k < c.args().size(); k++) {
                                if (c.args().get(k).equals(v) && !readOnlyParam(c.callee(), k)) yield false;
                            }
                            yield true;
                        }
                        default -> false;
                    };
                    if (!ok) return false;
                }
            }
            for (Value v : DeadCodeElimination.operands(b.terminator)) if (derived.contains(v)) return false;
        }
        return true;
    }
}
