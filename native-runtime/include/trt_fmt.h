/*
 * trt_fmt.h — formatting T values with `{:...}` specs; included from trt.h.
 *
 * `print`, `println` and `format` take a format string whose holes carry
 * Rust's spec mini-language: `{:[[fill]align][+][#][0][width][.precision][kind]}`.
 * The compiler parses every spec at compile time and passes a pointer to a
 * constant trt_fmt_spec; the runtime only renders.  The rendered bytes go to
 * a *sink* instead of a stream, so the very same code will format into a heap
 * string when strings can grow.
 *
 * What the output is, for each entry point, is defined as "what Rust 1.95's
 * `format!` prints for the same value and spec" (the tests in
 * native-runtime/test-c/fmt_*.c are generated from Rust itself); the few
 * places where T differs are listed in docs/runtime.md, "Formatting".
 *
 * Contract for every trt_fmt_* function:
 *   - `out` is a valid sink (trt_stream_sink, or one the compiler or runtime
 *     made).  The function calls out->write zero or more times, with len > 0,
 *     in output order, and nothing else.
 *   - `spec` is NULL (plain `{}`) or points to a valid trt_fmt_spec (below).
 *     A spec that breaks the rules below (unknown kind, flag or alignment,
 *     a kind the type has no formatting for, width or precision < -1, a
 *     fill that is not a Unicode scalar value) is a compiler bug: the runtime
 *     reports it and exits with status 134, like any broken contract.
 *   - Nothing allocates; the deepest stack use is under 2 KiB (a float with
 *     a precision).  Output is the same on every target.
 */
#ifndef TRT_FMT_H
#define TRT_FMT_H

#include <stdbool.h>
#include <stdint.h>

/* ---- Sinks -----------------------------------------------------------------
 *
 * A sink receives formatted bytes.  It is a struct whose first member is the
 * write function, so a sink with state (a growable string, later) embeds
 * `trt_sink` as its first field and casts `self` back.  write is called only
 * with len > 0; bytes are UTF-8 but a call may end inside a character (the
 * sink sees the concatenation, not the pieces).
 */
typedef struct trt_sink trt_sink;
struct trt_sink {
	void (*write)(trt_sink *self, const uint8_t *bytes, int64_t len);
};

/* The sink that writes through trt_write to `stream` (1 = stdout, buffered;
 * 2 = stderr, unbuffered).  The result is a static object: never freed, the
 * same pointer on every call.  Another stream number is a compiler bug. */
trt_sink *trt_stream_sink(int32_t stream);

/* Writes the `len` bytes of a literal piece of a format string to `out`
 * (so compiled code never makes the indirect call itself).  len >= 0. */
void trt_sink_write(trt_sink *out, const uint8_t *bytes, int64_t len);

/* ---- Specs -------------------------------------------------------------------
 *
 * Layout (identical on x86-64 and AArch64; 16 bytes, alignment 4, no padding):
 *
 *   offset  size  field
 *        0     4  fill       uint32_t  Unicode scalar value used to pad (' ' = 0x20 by default)
 *        4     4  width      int32_t   minimum width in Unicode scalar values; -1: none
 *        8     4  precision  int32_t   -1: none (see per kind below)
 *       12     1  kind       uint8_t   TRT_FMT_DISPLAY ... TRT_FMT_UPPER_EXP
 *       13     1  align      uint8_t   TRT_ALIGN_*
 *       14     1  flags      uint8_t   TRT_FMT_FLAG_* ORed together
 *       15     1  reserved   uint8_t   must be 0
 *
 * In LLVM: %trt_fmt_spec = type { i32, i32, i32, i8, i8, i8, i8 }, e.g.
 * `{:>+08.3}` is  { i32 32, i32 8, i32 3, i8 0, i8 3, i8 5, i8 0 }.
 *
 * The flags are bits rather than one byte each so that the struct has no
 * padding (an LLVM constant and a C initializer then agree byte for byte)
 * and so that future flags (Rust's `-`) fit without a layout change.
 */
typedef struct trt_fmt_spec {
	uint32_t fill;
	int32_t width;
	int32_t precision;
	uint8_t kind;
	uint8_t align;
	uint8_t flags;
	uint8_t reserved;
} trt_fmt_spec;

/* kind: the trait Rust would call. */
#define TRT_FMT_DISPLAY   0 /* {}            */
#define TRT_FMT_DEBUG     1 /* {:?}          */
#define TRT_FMT_LOWER_HEX 2 /* {:x}  integers */
#define TRT_FMT_UPPER_HEX 3 /* {:X}  integers */
#define TRT_FMT_OCTAL     4 /* {:o}  integers */
#define TRT_FMT_BINARY    5 /* {:b}  integers */
#define TRT_FMT_LOWER_EXP 6 /* {:e}  integers and floats */
#define TRT_FMT_UPPER_EXP 7 /* {:E}  integers and floats */

/* align: DEFAULT is right for numbers, left for text, as in Rust. */
#define TRT_ALIGN_DEFAULT 0
#define TRT_ALIGN_LEFT    1 /* < */
#define TRT_ALIGN_CENTER  2 /* ^  (an odd pad puts the extra fill char on the right) */
#define TRT_ALIGN_RIGHT   3 /* > */

/* flags */
#define TRT_FMT_FLAG_PLUS      0x01 /* +  numbers: print '+' for non-negative values  */
#define TRT_FMT_FLAG_ALTERNATE 0x02 /* #  integers: 0x / 0o / 0b prefix (lowercase even for X) */
#define TRT_FMT_FLAG_ZERO      0x04 /* 0  numbers: pad with '0' after the sign and prefix,
                                     *    ignoring fill and align; text ignores it */
#define TRT_FMT_FLAG_DEBUG_LOWER_HEX 0x08 /* {:x?}: with DEBUG, integers print as {:x} */
#define TRT_FMT_FLAG_DEBUG_UPPER_HEX 0x10 /* {:X?}: with DEBUG, integers print as {:X} */
#define TRT_FMT_FLAG_ALL       0x1f

/* ---- Integers ------------------------------------------------------------------
 *
 * kinds: all.  DISPLAY and DEBUG print decimal.  x/X/o/b print the bits of
 * the value as an unsigned number, with no '-' (Rust prints -1i8 as `ff`):
 * for a signed type narrower than 64 bits the compiler masks the value to
 * its width and calls trt_fmt_u64 (for i64 either entry point gives the same
 * result).  e/E print the value in scientific notation (`1234` -> `1.234e3`,
 * `{:.1e}` -> `1.2e3`, rounding half to even) and need the signed value:
 * call trt_fmt_i64 for signed types.  precision is ignored except by e/E.
 */
void trt_fmt_i64(trt_sink *out, int64_t v, const trt_fmt_spec *spec);
void trt_fmt_u64(trt_sink *out, uint64_t v, const trt_fmt_spec *spec);

/* ---- Floats --------------------------------------------------------------------
 *
 * kinds: DISPLAY, DEBUG, LOWER_EXP, UPPER_EXP.
 *   {}       shortest decimal that reads back as the same value, never in
 *            exponent form: 1e21 -> 1000000000000000000000, 1e-7 -> 0.0000001,
 *            1.0 -> 1, -0.0 -> -0, NaN, inf, -inf.
 *   {:?}     the same but integral values keep `.0`, and values with
 *            |v| < 1e-4 or |v| >= 1e16 (v != 0) use exponent form: 1e16, 1e-7.
 *   {:e}     shortest digits as d.ddde[-]x: 1234.5 -> 1.2345e3, 0 -> 0e0.
 *   {:.N} {:.N?}  the exact binary value rounded half to even to N digits
 *            after the point (any N: digits past the exact expansion are 0).
 *   {:.Ne}   N+1 significant digits, rounded the same way.
 * f32 values get the shortest digits for f32 (1.1f32 prints 1.1).  The sign
 * of -0.0 and of negative values that round to zero is kept (`-0.00`); NaN
 * never has a sign.
 */
void trt_fmt_f64(trt_sink *out, double v, const trt_fmt_spec *spec);
void trt_fmt_f32(trt_sink *out, float v, const trt_fmt_spec *spec);

/* ---- Text ------------------------------------------------------------------------
 *
 * kinds: DISPLAY, DEBUG.
 * Display: precision truncates to that many Unicode scalar values, then
 * width pads (counted in scalar values; default alignment left).
 * Debug ignores width and precision, like Rust: strings print quoted and
 * escaped: \0 \t \r \n \\ \" and \u{hex} for characters that are not
 * printable or are grapheme extenders (Rust's exact tables, Unicode 16);
 * chars print in single quotes with \' escaped instead of \".
 * `p`/`len` is a T string (UTF-8).  Should it hold bytes that are not UTF-8
 * (a command-line argument), Display passes them through, counting each
 * malformed byte as one character, and Debug prints each as \xNN.
 * `c` must be a Unicode scalar value (not a surrogate, at most 0x10FFFF).
 * bool prints `true`/`false` and pads like text for both kinds.
 */
void trt_fmt_str(trt_sink *out, const uint8_t *p, int64_t len, const trt_fmt_spec *spec);
void trt_fmt_char(trt_sink *out, uint32_t c, const trt_fmt_spec *spec);
void trt_fmt_bool(trt_sink *out, bool v, const trt_fmt_spec *spec);

#endif /* TRT_FMT_H */
