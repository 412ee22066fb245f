/*
 * fmt_internal.h — what the fmt_*.c files offer one another.
 *
 * The formatting engine is split by concern:
 *   fmt_sink.c      stream sinks, trt_sink_write
 *   fmt_pad.c       spec validation, fill/alignment/zero padding (Rust's
 *                   Formatter::pad, pad_integral, pad_formatted_parts)
 *   fmt_int.c       integers
 *   fmt_float.c     floats: decoding and laying out digits
 *   fmt_shortest.c  shortest round-trip digits (Ryu-style, fmt_float_tables.h)
 *   fmt_exact.c     exactly rounded digits (big-number arithmetic)
 *   fmt_text.c      strings, chars, bools, Debug escapes
 *   fmt_unicode.c   UTF-8 and the "needs \u{..}" table (fmt_unicode_table.h)
 * These names are rt_fmt_* like the rest of the runtime's internal API; they
 * live here rather than in internal.h because only fmt_*.c use them.
 */
#ifndef FMT_INTERNAL_H
#define FMT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trt.h"

/* ---- fmt_pad.c ---- */

/* A spec after validation, with the defaults of a NULL spec filled in. */
typedef struct rt_fmt {
	trt_sink *out;
	uint32_t fill;
	int64_t width;     /* -1: none */
	int64_t precision; /* -1: none */
	uint8_t kind;
	uint8_t align;
	uint8_t flags;
} rt_fmt;

/* Validates `spec` (NULL means `{}`) and fills `f`.  `kinds` is the set of
 * kinds the caller's type supports, as a bit mask (1u << TRT_FMT_*). */
void rt_fmt_init(rt_fmt *f, trt_sink *out, const trt_fmt_spec *spec,
                 uint32_t kinds);

/* Writes bytes to the sink (len may be 0). */
void rt_fmt_write(const rt_fmt *f, const uint8_t *p, size_t len);
/* Writes `count` copies of the Unicode scalar value `c`. */
void rt_fmt_repeat(const rt_fmt *f, uint32_t c, int64_t count);

/* A piece of a formatted number: `len` bytes at `p`, or, when p is NULL,
 * `len` '0' characters (runs of zeros can be as long as the precision). */
typedef struct rt_fmt_part {
	const uint8_t *p;
	int64_t len;
} rt_fmt_part;

/* Rust's pad_formatted_parts: `sign` ("", "-" or "+") then the parts, padded
 * to the width (default alignment right); with the zero flag the sign goes
 * first and zeros pad after it.  All of it is ASCII, so bytes = chars. */
void rt_fmt_pad_parts(const rt_fmt *f, const char *sign,
                      const rt_fmt_part *parts, int nparts);

/* Rust's pad_integral: sign ('-' unless nonneg, else '+' with the plus flag),
 * then `prefix` if the alternate flag is set, then the digits. */
void rt_fmt_pad_integral(const rt_fmt *f, bool nonneg, const char *prefix,
                         const uint8_t *digits, size_t ndigits);

/* Rust's Formatter::pad for text: truncation to `precision` characters, then
 * padding to `width` characters (default alignment left). */
void rt_fmt_pad_text(const rt_fmt *f, const uint8_t *p, int64_t len);

/* ---- fmt_unicode.c ---- */

/* Marks a byte that does not start a valid UTF-8 sequence. */
#define RT_FMT_BAD_UTF8 0xffffffffu

/* Decodes one character from p[0..len) (len > 0): returns the number of
 * bytes it takes (1..4) and stores the scalar value in *c, or stores
 * RT_FMT_BAD_UTF8 and returns 1 when p[0] does not start a well-formed
 * sequence (overlong forms, surrogates, > 0x10FFFF and truncated sequences
 * are all malformed, as in Rust's from_utf8). */
size_t rt_fmt_utf8_decode(const uint8_t *p, int64_t len, uint32_t *c);
/* Encodes the scalar value `c` (valid) and returns its length, 1..4. */
size_t rt_fmt_utf8_encode(uint32_t c, uint8_t out[4]);
/* True when Rust's Debug prints `c` as \u{..}: c is not printable or is a
 * grapheme extender.  (The ASCII escapes \0 \t \n \r \\ \" \' come first.) */
bool rt_fmt_needs_unicode_escape(uint32_t c);

/* ---- fmt_shortest.c ---- */

/* Most digits the shortest representation of a double can need. */
#define RT_FMT_SHORTEST_MAX 17

/* Shortest decimal digits that identify mant * 2^exp2 among the values of
 * its format, choosing the closest to the exact value among the shortest
 * candidates and rounding an exact tie up, as Rust does.
 * The rounding interval reaches halfway to each neighbour; when
 * `lower_closer` the neighbour below is half as far as the one above (a
 * power of two).  Both ends belong to the interval when mant is even.
 * Preconditions: 0 < mant < 2^54, exp2 within double range.
 * Writes ASCII digits (first one non-zero, no trailing zeros) and returns
 * how many; *dexp is such that value = 0.DIGITS * 10^dexp. */
int rt_fmt_shortest(uint64_t mant, int32_t exp2, bool lower_closer,
                    uint8_t digits[RT_FMT_SHORTEST_MAX], int32_t *dexp);

/* ---- fmt_exact.c ---- */

/* Enough for every double: at most 767 significant digits follow the
 * leading zeros of the exact expansion, and integers have at most 309. */
#define RT_FMT_EXACT_MAX 800

/* The exact value of mant * 2^exp2 (0 < mant < 2^54) rounded half to even:
 * to `count` digits after the decimal point when `fixed`, else to `count`
 * (>= 1) significant digits.  Writes the digits (the first non-zero) and
 * returns how many; *dexp is such that the rounded value is
 * 0.DIGITS * 10^dexp, and every digit after the last one written, up to the
 * requested position, is zero.  Returns 0 when a fixed rounding gives zero. */
size_t rt_fmt_exact(uint64_t mant, int32_t exp2, bool fixed, int64_t count,
                    uint8_t digits[RT_FMT_EXACT_MAX], int32_t *dexp);

#endif /* FMT_INTERNAL_H */
