package tlang.midend;

import tlang.midend.tir.ExternFunction;
import tlang.midend.tir.TirType;

import java.util.List;

import static tlang.midend.tir.TirType.BOOL;
import static tlang.midend.tir.TirType.I32;
import static tlang.midend.tir.TirType.I64;
import static tlang.midend.tir.TirType.PTR;
import static tlang.midend.tir.TirType.U32;
import static tlang.midend.tir.TirType.U64;
import static tlang.midend.tir.TirType.UNIT;

/**
 * The runtime entry points compiled code calls, mirroring native-runtime/include/trt.h.
 * Keep the two in step; docs/abi.md describes each.
 */
public final class RuntimeAbi {
    private RuntimeAbi() {}

    /** The program entry the runtime's start-up code calls; returns the exit status. */
    public static final String ENTRY = "t_entry";

    public static final ExternFunction WRITE = ext("trt_write", UNIT, false, I32, PTR, I64);
    public static final ExternFunction WRITE_I64 = ext("trt_write_i64", UNIT, false, I32, I64);
    public static final ExternFunction WRITE_BOOL = ext("trt_write_bool", UNIT, false, I32, BOOL);
    public static final ExternFunction WRITE_U64 = ext("trt_write_u64", UNIT, false, I32, U64);
    public static final ExternFunction WRITE_CHAR = ext("trt_write_char", UNIT, false, I32, U32);
    public static final ExternFunction EXIT = ext("trt_exit", UNIT, true, I32);
    // Panics (the unwind strategy's entry points; see abortVariant).
    public static final ExternFunction PANIC = unwinding(ext("trt_panic", UNIT, true, PTR, I64, PTR, I64, I32, I32));
    public static final ExternFunction PANIC_BEGIN = ext("trt_panic_begin", UNIT, false, PTR, I64, I32, I32);
    public static final ExternFunction PANIC_END = unwinding(ext("trt_panic_end", UNIT, true));
    public static final ExternFunction PANIC_BOUNDS = unwinding(ext("trt_panic_bounds", UNIT, true, I64, U64, BOOL, PTR, I64, I32, I32));
    /** A `catch` handler: the exception pointer and the address of a `Panic` to fill. */
    public static final ExternFunction PANIC_CATCH = ext("trt_panic_catch", UNIT, false, PTR, PTR);
    public static final ExternFunction ARG_COUNT = ext("trt_arg_count", I64, false);
    public static final ExternFunction ARG_PTR = ext("trt_arg_ptr", PTR, false, I64);
    public static final ExternFunction ARG_LEN = ext("trt_arg_len", I64, false, I64);
    public static final ExternFunction STR_EQ = ext("trt_str_eq", BOOL, false, PTR, I64, PTR, I64);

    // Formatting with a spec, through a sink (native-runtime/include/trt_fmt.h).
    public static final ExternFunction STREAM_SINK = ext("trt_stream_sink", PTR, false, I32);
    public static final ExternFunction FMT_I64 = ext("trt_fmt_i64", UNIT, false, PTR, I64, PTR);
    public static final ExternFunction FMT_U64 = ext("trt_fmt_u64", UNIT, false, PTR, U64, PTR);
    public static final ExternFunction FMT_F64 = ext("trt_fmt_f64", UNIT, false, PTR, TirType.F64, PTR);
    public static final ExternFunction FMT_F32 = ext("trt_fmt_f32", UNIT, false, PTR, TirType.F32, PTR);
    public static final ExternFunction FMT_STR = ext("trt_fmt_str", UNIT, false, PTR, PTR, I64, PTR);
    public static final ExternFunction FMT_CHAR = ext("trt_fmt_char", UNIT, false, PTR, U32, PTR);
    public static final ExternFunction FMT_BOOL = ext("trt_fmt_bool", UNIT, false, PTR, BOOL, PTR);

    // Reference counting (abi.md, "Reference counting"). A release may run a `Drop` impl,
    // which may panic: it unwinds.
    public static final ExternFunction RC_ALLOC = ext("trt_rc_alloc", PTR, false, PTR, I64);
    public static final ExternFunction RC_RETAIN = ext("trt_rc_retain", UNIT, false, PTR);
    public static final ExternFunction RC_RELEASE = unwinding(ext("trt_rc_release", UNIT, false, PTR));
    public static final ExternFunction RC_WEAK_RETAIN = ext("trt_rc_weak_retain", UNIT, false, PTR);
    public static final ExternFunction RC_WEAK_RELEASE = ext("trt_rc_weak_release", UNIT, false, PTR);
    public static final ExternFunction RC_WEAK_UPGRADE = ext("trt_rc_weak_upgrade", PTR, false, PTR);
    public static final ExternFunction RC_STRONG_COUNT = ext("trt_rc_strong_count", TirType.U32, false, PTR);
    public static final ExternFunction RC_WEAK_COUNT = ext("trt_rc_weak_count", TirType.U32, false, PTR);

    public static final ExternFunction RC_IS_UNIQUE = ext("trt_rc_is_unique", BOOL, false, PTR);
    // Manual memory (`std::ptr`): abi.md, "Allocation".
    public static final ExternFunction ALLOC = ext("trt_alloc", PTR, false, U64);
    public static final ExternFunction REALLOC = ext("trt_realloc", PTR, false, PTR, U64);
    public static final ExternFunction FREE = ext("trt_free", UNIT, false, PTR);
    public static final ExternFunction MEM_STATS = ext("trt_mem_stats", UNIT, false, PTR);
    public static final ExternFunction PANIC_SET_HOOK = ext("trt_panic_set_hook", UNIT, false, PTR, PTR);
    public static final ExternFunction BACKTRACE_CAPTURE = ext("trt_backtrace_capture", I32, false, PTR, I32);
    public static final ExternFunction BACKTRACE_PRINT = ext("trt_backtrace_print", UNIT, false, I32, PTR, I32);

    public static final List<ExternFunction> ALL = List.of(BACKTRACE_CAPTURE, BACKTRACE_PRINT, PANIC_SET_HOOK, MEM_STATS, RC_IS_UNIQUE, ALLOC, REALLOC, FREE, RC_ALLOC, RC_RETAIN, RC_RELEASE, RC_WEAK_RETAIN, RC_WEAK_RELEASE,
            RC_WEAK_UPGRADE, RC_STRONG_COUNT, RC_WEAK_COUNT,STREAM_SINK, FMT_I64, FMT_U64, FMT_F64, FMT_F32, FMT_STR, FMT_CHAR, FMT_BOOL,
            WRITE, WRITE_I64, WRITE_BOOL, WRITE_U64, WRITE_CHAR, EXIT, PANIC, PANIC_BEGIN,
            PANIC_END, PANIC_BOUNDS, PANIC_CATCH, ARG_COUNT, ARG_PTR, ARG_LEN, STR_EQ);

    /** The personality routine named by functions with landing pads. */
    public static final String PERSONALITY = "trt_personality";

    /**
     * The symbol a panic entry point has under the abort strategy (`trt_panic_abort` for
     * `trt_panic`, ...), which prints and ends the process with SIGABRT; other entry points
     * are the same under both strategies. TIR always names the unwind strategy's; the
     * backend declares the abort one under the TIR name's place.
     */
    public static String abortVariant(String symbol) {
        return switch (symbol) {
            case "trt_panic", "trt_panic_begin", "trt_panic_end", "trt_panic_bounds" -> symbol + "_abort";
            default -> symbol;
        };
    }

    private static ExternFunction unwinding(ExternFunction e) {
        return new ExternFunction(e.symbol(), e.params(), e.result(), e.noReturn(), true);
    }

    private static ExternFunction ext(String name, TirType result, boolean noReturn, TirType... params) {
        return new ExternFunction(name, List.of(params), result, noReturn);
    }
}
