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
    /**
     * The handler around an `extern "C" fn`: a panic reached the C boundary. Reports it,
     * naming the function (its C name), and aborts.
     */
    public static final ExternFunction PANIC_CANNOT_UNWIND = ext("trt_panic_cannot_unwind", UNIT, true, PTR, PTR, I64);
    public static final ExternFunction ARG_COUNT = ext("trt_arg_count", I64, false);
    // Standard input (abi.md, "Input"): a String through the pointer, a status back.
    public static final ExternFunction READ_LINE = ext("trt_read_line", I32, false, PTR);
    public static final ExternFunction READ_TO_STRING = ext("trt_read_to_string", I32, false, PTR);
    /** Inside a panic being built: writes the message of a read's error status. */
    public static final ExternFunction READ_ERROR = ext("trt_read_error", UNIT, false, I32);
    public static final ExternFunction ARG_PTR = ext("trt_arg_ptr", PTR, false, I64);
    public static final ExternFunction ARG_LEN = ext("trt_arg_len", I64, false, I64);
    public static final ExternFunction STR_EQ = ext("trt_str_eq", BOOL, false, PTR, I64, PTR, I64);
    public static final ExternFunction STR_CMP = ext("trt_str_cmp", I32, false, PTR, I64, PTR, I64);
    // Heap strings (abi.md, "Strings"): the address of a String value, changed in place.
    /** Retains a string's owner (not null: see skipsNull). */
    public static final ExternFunction STR_RETAIN = ext("trt_str_retain", UNIT, false, PTR);
    /** Releases a string's owner: no `Drop` runs, so it never unwinds. */
    public static final ExternFunction STR_RELEASE = ext("trt_str_release", UNIT, false, PTR);
    /** `*s = ` a new owned string holding a copy of the bytes. */
    public static final ExternFunction STRING_FROM_BYTES = ext("trt_string_from_bytes", UNIT, false, PTR, PTR, I64);
    /** Appends bytes to `*s`, in place when its buffer is unique and has room. */
    public static final ExternFunction STRING_PUSH = ext("trt_string_push", UNIT, false, PTR, PTR, I64);
    // Parsing (trt_parse.h): a status, the value through the last (out) pointer.
    public static final ExternFunction PARSE_I64 = ext("trt_parse_i64", I32, false, PTR, I64, U32, I64, I64, PTR);
    public static final ExternFunction PARSE_U64 = ext("trt_parse_u64", I32, false, PTR, I64, U32, U64, PTR);
    public static final ExternFunction PARSE_F64 = ext("trt_parse_f64", I32, false, PTR, I64, PTR);
    public static final ExternFunction PARSE_F32 = ext("trt_parse_f32", I32, false, PTR, I64, PTR);
    public static final ExternFunction PARSE_BOOL = ext("trt_parse_bool", I32, false, PTR, I64, PTR);
    public static final ExternFunction PARSE_CHAR = ext("trt_parse_char", I32, false, PTR, I64, PTR);
    public static final ExternFunction PARSE_ERROR_PTR = ext("trt_parse_error_ptr", PTR, false, I32);
    public static final ExternFunction PARSE_ERROR_LEN = ext("trt_parse_error_len", I64, false, I32);
    /** Appends a char, UTF-8 encoded. */
    public static final ExternFunction STRING_PUSH_CHAR = ext("trt_string_push_char", UNIT, false, PTR, U32);
    /** Makes room for `extra` more bytes in `*s`'s own unique buffer. */
    public static final ExternFunction STRING_RESERVE = ext("trt_string_reserve", UNIT, false, PTR, I64);
    /** Initializes a sink (two words) that appends to the String at the second address. */
    public static final ExternFunction STRING_SINK = ext("trt_string_sink_init", UNIT, false, PTR, PTR);

    // Formatting with a spec, through a sink (native-runtime/include/trt_fmt.h).
    public static final ExternFunction STREAM_SINK = ext("trt_stream_sink", PTR, false, I32);
    public static final ExternFunction SINK_WRITE = ext("trt_sink_write", UNIT, false, PTR, PTR, I64);
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
    /** A release fused with the allocation after it (the rc-reuse pass): may drop, so may unwind. */
    public static final ExternFunction RC_REUSE = unwinding(ext("trt_rc_reuse", PTR, false, PTR, PTR, I64));
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
    public static final ExternFunction RANDOM_SEED = ext("trt_random_seed", UNIT, false, PTR);
    public static final ExternFunction PANIC_SET_HOOK = ext("trt_panic_set_hook", UNIT, false, PTR, PTR);
    public static final ExternFunction BACKTRACE_CAPTURE = ext("trt_backtrace_capture", I32, false, PTR, I32);
    public static final ExternFunction BACKTRACE_PRINT = ext("trt_backtrace_print", UNIT, false, PTR, PTR, I32);

    public static final List<ExternFunction> ALL = List.of(BACKTRACE_CAPTURE, BACKTRACE_PRINT, PANIC_SET_HOOK, MEM_STATS, RANDOM_SEED, RC_IS_UNIQUE, ALLOC, REALLOC, FREE, RC_ALLOC, RC_REUSE, RC_RETAIN, RC_RELEASE, RC_WEAK_RETAIN, RC_WEAK_RELEASE,
            RC_WEAK_UPGRADE, RC_STRONG_COUNT, RC_WEAK_COUNT,STREAM_SINK, FMT_I64, FMT_U64, FMT_F64, FMT_F32, FMT_STR, FMT_CHAR, FMT_BOOL,
            WRITE, WRITE_I64, WRITE_BOOL, WRITE_U64, WRITE_CHAR, EXIT, PANIC, PANIC_BEGIN,
            PANIC_END, PANIC_BOUNDS, PANIC_CATCH, PANIC_CANNOT_UNWIND, ARG_COUNT, READ_LINE, READ_TO_STRING, READ_ERROR, ARG_PTR, ARG_LEN, STR_EQ, STR_CMP, STR_RETAIN, STR_RELEASE, STRING_FROM_BYTES,
            STRING_PUSH, STRING_PUSH_CHAR, STRING_RESERVE, PARSE_I64, PARSE_U64, PARSE_F64, PARSE_F32, PARSE_BOOL, PARSE_CHAR,
            PARSE_ERROR_PTR, PARSE_ERROR_LEN, STRING_SINK, SINK_WRITE);

    /**
     * Calls whose one pointer argument is usually null (a string literal's owner): the
     * backend emits them as `if (p != null) call(p)`, so a TIR call stays one instruction
     * and LLVM removes the call where the pointer is known to be null.
     */
    public static boolean skipsNull(String symbol) {
        return symbol.equals(STR_RETAIN.symbol()) || symbol.equals(STR_RELEASE.symbol());
    }

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
