package tlang.midend.pass;

import tlang.midend.RuntimeAbi;
import tlang.midend.tir.Block;
import tlang.midend.tir.ExternFunction;
import tlang.midend.tir.Function;
import tlang.midend.tir.Inst;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirVerifier;
import tlang.midend.tir.Value;

import java.util.HashSet;
import java.util.Set;

/**
 * What a call may do to reference counts, for {@link RcPairs}: an analysis of the whole
 * module, not a pass.
 *
 * <ul>
 *   <li>{@link #releases}: the call may give up a strong reference (`trt_rc_release`, or a
 *       function that calls it, directly or not) — and so may run any `Drop` impl and free
 *       any object whose last count it was.</li>
 *   <li>{@link #observes}: the call may read a strong count (`trt_rc_strong_count`,
 *       `trt_rc_weak_count`, `trt_rc_is_unique`, or a function that calls one), or run a
 *       drop function that may: a release observes when some class's drop function (a
 *       `trt_type`'s `drop`, named by {@link Value.TypeInfo}) observes.</li>
 * </ul>
 *
 * <p>Runtime functions are known by name: allocation of objects, retains, weak releases
 * (which never change a strong count and free an object's memory only once its strong
 * count is 0), upgrades, formatting, writing, arguments, the string functions and the panic
 * entry points release nothing and read no count (a panic unwinds, which {@link RcPairs} rules out separately).
 * Every other extern, and every indirect call, may do anything. Both properties are least
 * fixed points over the direct calls of the module.
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
            RuntimeAbi.FMT_CHAR.symbol(), RuntimeAbi.FMT_BOOL.symbol(), RuntimeAbi.SINK_WRITE.symbol(),
            // Strings: their buffers are counted objects too, but without a `Drop` and never
            // named by a class retain, so changing theirs neither frees nor reads an object's.
            RuntimeAbi.STR_RETAIN.symbol(), RuntimeAbi.STR_RELEASE.symbol(), RuntimeAbi.STR_CMP.symbol(),
            RuntimeAbi.STRING_FROM_BYTES.symbol(), RuntimeAbi.STRING_PUSH.symbol(), RuntimeAbi.STRING_PUSH_CHAR.symbol(),
            RuntimeAbi.STRING_RESERVE.symbol(), RuntimeAbi.STRING_SINK.symbol(), RuntimeAbi.PARSE_I64.symbol(),
            RuntimeAbi.PARSE_U64.symbol(), RuntimeAbi.PARSE_F64.symbol(), RuntimeAbi.PARSE_F32.symbol(),
            RuntimeAbi.PARSE_BOOL.symbol(), RuntimeAbi.PARSE_CHAR.symbol(), RuntimeAbi.PARSE_ERROR_PTR.symbol(),
            RuntimeAbi.PARSE_ERROR_LEN.symbol(), RuntimeAbi.READ_LINE.symbol(), RuntimeAbi.READ_TO_STRING.symbol(),
            RuntimeAbi.READ_ERROR.symbol());
    /** Runtime functions that read a strong count and release nothing. */
    private static final Set<String> OBSERVERS = Set.of(RuntimeAbi.RC_STRONG_COUNT.symbol(), RuntimeAbi.RC_WEAK_COUNT.symbol(),
            RuntimeAbi.RC_IS_UNIQUE.symbol());
    static final String RELEASE = RuntimeAbi.RC_RELEASE.symbol();
    static final String RETAIN = RuntimeAbi.RC_RETAIN.symbol();

    private final Set<String> releasing = new HashSet<>();
    private final Set<String> observing = new HashSet<>();
    private final Set<String> defined = new HashSet<>();

    private RcEffects() {}

    static RcEffects of(TirModule m) {
        RcEffects e = new RcEffects();
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
                        if (!rel && e.releases(inst)) rel = true;
                        if (!obs && e.observes(inst)) obs = true;
                    }
                }
                if (rel && e.releasing.add(f.symbol())) changed = true;
                if (obs && e.observing.add(f.symbol())) changed = true;
            }
        }
        return e;
    }

    /** Whether {@code symbol} is a function of the module (not a runtime entry point). */
    boolean isDefined(String symbol) { return defined.contains(symbol); }

    /** Whether a call of {@code symbol} may give up a strong reference (and so run drops). */
    boolean releases(String symbol) {
        if (releasing.contains(symbol)) return true;
        if (defined.contains(symbol)) return false;
        return !QUIET.contains(symbol) && !OBSERVERS.contains(symbol);
    }

    /** Whether a call of {@code symbol} may read a strong count. */
    boolean observes(String symbol) {
        if (observing.contains(symbol) || OBSERVERS.contains(symbol)) return true;
        if (defined.contains(symbol) || symbol.equals(RELEASE)) return false;
        return !QUIET.contains(symbol);
    }

    /** Whether {@code inst} may release a strong reference: a call that may, or an indirect call. */
    boolean releases(Inst inst) {
        return switch (inst) {
            case Inst.Call c -> releases(c.callee());
            case Inst.CallIndirect c -> true;
            default -> false;
        };
    }

    /** Whether {@code inst} may read a strong count: a call that may, or an indirect call. */
    boolean observes(Inst inst) {
        return switch (inst) {
            case Inst.Call c -> observes(c.callee());
            case Inst.CallIndirect c -> true;
            default -> false;
        };
    }
}
