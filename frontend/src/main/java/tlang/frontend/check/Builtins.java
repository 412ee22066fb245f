package tlang.frontend.check;

import java.util.Map;
import java.util.Optional;

/**
 * The functions the compiler knows by name. The printing macros take a format string
 * checked at compile time; the others are ordinary calls into the runtime. Later, most of
 * these move into `stdlib/` as T code that reaches the runtime through `extern "C"`.
 */
public final class Builtins {
    private Builtins() {}

    public enum Kind {
        PRINT("print", 1, false), PRINTLN("println", 1, true),
        EPRINT("eprint", 2, false), EPRINTLN("eprintln", 2, true),
        PANIC("panic", 2, false),
        /** `format("...", args) -> String`: what `print` would write, as a new String. */
        FORMAT("format", 0, false),
        EXIT("std::process::exit", 0, false),
        ARG_COUNT("std::env::arg_count", 0, false),
        ARG("std::env::arg", 0, false),
        /** `std::io::write_bytes(&buf, n)`: the first n bytes of a `[u8; N]` to stdout, as they are. */
        WRITE_BYTES("std::io::write_bytes", 1, false),
        /** `std::io::read_line() -> Option<String>`: the next line of stdin without its newline; None at end of input. */
        READ_LINE("std::io::read_line", 0, false),
        /** `std::io::read_to_string() -> String`: everything left on stdin. */
        READ_TO_STRING("std::io::read_to_string", 0, false),
        /** `write(f, "...", args)` inside a `fmt` method: formats to the Formatter's stream. */
        WRITE("write", 0, false),
        /** `std::panic::catch(f)`: runs the closure f; `Err(Panic)` if it panicked. */
        CATCH("std::panic::catch", 0, false),
        /** `std::panic::set_hook(f)`: f, a `fn(Panic)`, runs when each panic starts, instead of the report. */
        SET_HOOK("std::panic::set_hook", 0, false),
        /** `std::panic::reset_hook()`: back to the default report. */
        RESET_HOOK("std::panic::reset_hook", 0, false),
        // Manual memory (unsafe): blocks of `count` values of a type, from the allocator.
        /** `std::ptr::alloc::<T>(count) -> *mut T`: uninitialized room for count values. */
        PTR_ALLOC("std::ptr::alloc", 0, false),
        /** `std::ptr::realloc(p, count) -> *mut T`: the block resized, contents kept. */
        PTR_REALLOC("std::ptr::realloc", 0, false),
        /** `std::ptr::free(p)`: gives the block back (drops nothing). */
        PTR_FREE("std::ptr::free", 0, false),
        /** `std::ptr::null::<T>() -> *mut T`. */
        PTR_NULL("std::ptr::null", 0, false),
        /** `std::ptr::drop_in_place(p)`: drops the value at p (releases its references). */
        PTR_DROP_IN_PLACE("std::ptr::drop_in_place", 0, false),
        /** `std::rc::is_unique(&c)`: whether this is the only reference to c's object, strong or weak. */
        RC_IS_UNIQUE("std::rc::is_unique", 0, false),
        /** `std::mem::stats() -> MemStats`: the allocator's counters. */
        MEM_STATS("std::mem::stats", 0, false),
        // Facts about a type, constants after monomorphization (what `std::mem::Arena` is written with).
        /** `std::mem::size_of::<T>() -> usize`: the bytes one T takes in memory (a class: its reference). */
        SIZE_OF("std::mem::size_of", 0, false),
        /** `std::mem::align_of::<T>() -> usize`: the alignment a T needs. */
        ALIGN_OF("std::mem::align_of", 0, false),
        /** `std::mem::needs_drop::<T>() -> bool`: whether dropping a T does anything (it holds references). */
        NEEDS_DROP("std::mem::needs_drop", 0, false),
        // The primitives `String`'s methods in the prelude are written with (abi.md, "Strings").
        /** `std::str::from_raw_parts(p, n) -> String` (unsafe): a new String holding a copy of the n bytes at p. */
        STR_FROM_RAW("std::str::from_raw_parts", 0, false),
        /** `std::str::push_raw(&mut s, p, n)` (unsafe): appends the n bytes at p, in place when s's buffer is unique. */
        STR_PUSH_RAW("std::str::push_raw", 0, false),
        /** `std::str::push_char(&mut s, c)`: appends c, UTF-8 encoded. */
        STR_PUSH_CHAR("std::str::push_char", 0, false),
        /** `std::str::slice_unchecked(&s, start, end) -> String` (unsafe): bytes start..end of s, sharing its buffer. */
        STR_SLICE("std::str::slice_unchecked", 0, false),
        /** `std::str::compare(&a, &b) -> i32`: -1, 0 or 1, byte-wise (code point order). */
        STR_COMPARE("std::str::compare", 0, false),
        /** `std::char::from_u32_unchecked(u) -> char` (unsafe): u must be a Unicode scalar value. */
        CHAR_FROM_U32("std::char::from_u32_unchecked", 0, false),
        /** `std::str::parse_i64(&s, min, max) -> (i32, i64)`: a status (0: ok) and the decimal integer in min..=max. */
        PARSE_I64("std::str::parse_i64", 0, false),
        /** `std::str::parse_u64(&s, max) -> (i32, u64)`. */
        PARSE_U64("std::str::parse_u64", 0, false),
        /** `std::str::parse_f64(&s) -> (i32, f64)`, correctly rounded; `parse_f32` likewise. */
        PARSE_F64("std::str::parse_f64", 0, false),
        PARSE_F32("std::str::parse_f32", 0, false),
        /** `std::str::parse_bool(&s) -> (i32, bool)`, `parse_char(&s) -> (i32, char)`. */
        PARSE_BOOL("std::str::parse_bool", 0, false),
        PARSE_CHAR("std::str::parse_char", 0, false),
        /** `std::str::parse_error(status) -> String`: what Rust's error prints for a failed parse's status. */
        PARSE_ERROR("std::str::parse_error", 0, false),
        /** `std::hash::random_keys() -> (u64, u64)`: fresh SipHash keys, random per process (what `HashMap::new` uses). */
        RANDOM_KEYS("std::hash::random_keys", 0, false),
        /** `std::backtrace::capture() -> Backtrace`: the call stack here. */
        BACKTRACE_CAPTURE("std::backtrace::capture", 0, false),
        /** `std::backtrace::write(f, bt)`: prints a Backtrace where the Formatter writes. */
        BACKTRACE_WRITE("std::backtrace::write", 0, false);

        public final String path;
        /** For the printing builtins: 1 = stdout, 2 = stderr. */
        public final int stream;
        public final boolean newline;

        Kind(String path, int stream, boolean newline) {
            this.path = path;
            this.stream = stream;
            this.newline = newline;
        }

        public boolean isFormatting() {
            return this == PRINT || this == PRINTLN || this == EPRINT || this == EPRINTLN || this == PANIC || this == FORMAT;
        }
    }

    private static final Map<String, Kind> BY_PATH;
    static {
        var m = new java.util.HashMap<String, Kind>();
        for (Kind k : Kind.values()) m.put(k.path, k);
        BY_PATH = Map.copyOf(m);
    }

    public static Optional<Kind> lookup(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }
}
