/* trt_parse.h — see the comment below; included from trt.h. */
#ifndef TRT_PARSE_H
#define TRT_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/* ---- Parsing numbers, bool and char from strings ---------------------------
 *
 * What `s.parse::<T>()` calls, with Rust's semantics for each T (and
 * `T::from_str_radix(s, radix)` for the integers).  Defined in
 * src/parse_int.c (integers, bool, char, messages) and src/parse_float.c
 * (floats); docs/runtime.md, "Parsing numbers", describes the algorithms.
 *
 * Conventions shared by every function below:
 *
 *   - Input is a string: (pointer, byte length), UTF-8, not NUL-terminated;
 *     bytes past `len` are never read; len == 0 may come with any pointer.
 *     Precondition: len >= 0 (a negative length is reported as a compiler
 *     bug, status 134).
 *   - The result is a status: TRT_PARSE_OK, or the error, whose Rust
 *     Display text trt_parse_error_ptr/_len give.  Status values are unique
 *     across the families below, so one message getter serves them all.
 *   - The value goes to `*out`, which is written only when the status is
 *     TRT_PARSE_OK.  `out` must point to writable storage of the type.
 *   - Nothing allocates, prints or panics; the functions have no state and
 *     may run on any thread.
 */

#define TRT_PARSE_OK 0

/* Integers: Rust's IntErrorKind, in its declaration order
 * (kind index = status - TRT_PARSE_INT_EMPTY). */
#define TRT_PARSE_INT_EMPTY 1         /* "cannot parse integer from empty string" */
#define TRT_PARSE_INT_INVALID_DIGIT 2 /* "invalid digit found in string" */
#define TRT_PARSE_INT_POS_OVERFLOW 3  /* "number too large to fit in target type" */
#define TRT_PARSE_INT_NEG_OVERFLOW 4  /* "number too small to fit in target type" */
#define TRT_PARSE_INT_ZERO 5          /* "number would be zero for non-zero type";
                                       * for NonZero types, never returned here */
/* Floats: Rust's ParseFloatError. */
#define TRT_PARSE_FLOAT_EMPTY 6       /* "cannot parse float from empty string" */
#define TRT_PARSE_FLOAT_INVALID 7     /* "invalid float literal" */
/* bool: Rust's ParseBoolError. */
#define TRT_PARSE_BOOL_INVALID 8      /* "provided string was not `true` or `false`" */
/* char: Rust's ParseCharError. */
#define TRT_PARSE_CHAR_EMPTY 9        /* "cannot parse char from empty string" */
#define TRT_PARSE_CHAR_TOO_MANY 10    /* "too many characters in string" */

/* The message Rust's Display prints for the error `status` (the texts
 * above), as a UTF-8 string in read-only memory that lives as long as the
 * process.  For TRT_PARSE_OK: the empty string.  The bytes are followed by
 * a NUL, so C callers may treat the pointer as a C string.  Precondition:
 * 0 <= status <= TRT_PARSE_CHAR_TOO_MANY (else status 134). */
const uint8_t *trt_parse_error_ptr(int32_t status);
int64_t trt_parse_error_len(int32_t status);

/* Integers of every width.  The compiler passes the target type's range:
 * i8 [-128, 127] ... i64 and isize [INT64_MIN, INT64_MAX]; u8 max 255 ...
 * u64 and usize UINT64_MAX.  Syntax: an optional '+' (and, for
 * trt_parse_i64 only, '-'), then one or more digits of `radix` ('0'-'9',
 * then 'a'-'z' or 'A'-'Z' for 10-35).  Nothing else: no whitespace, no '_',
 * no "0x" prefix.  Errors, as Rust reports them:
 *   ""                           EMPTY
 *   "+" or "-" alone             INVALID_DIGIT
 *   "-..." for trt_parse_u64     INVALID_DIGIT ("-0" too)
 *   any other non-digit          INVALID_DIGIT
 *   magnitude past max / min     POS_OVERFLOW / NEG_OVERFLOW
 * Digits are taken left to right and the first problem wins, as in Rust:
 * "999x" for i8 is POS_OVERFLOW (the third 9 overflows before 'x' is seen),
 * "99x9" is INVALID_DIGIT.
 * Preconditions (checked, status 134): 2 <= radix <= 36 (Rust panics
 * there: the compiler must check a radix it does not know statically),
 * min <= 0 <= max. */
int32_t trt_parse_i64(const uint8_t *p, int64_t len, uint32_t radix,
                      int64_t min, int64_t max, int64_t *out);
int32_t trt_parse_u64(const uint8_t *p, int64_t len, uint32_t radix,
                      uint64_t max, uint64_t *out);

/* f64 and f32, correctly rounded: the result is the float nearest to the
 * exact value of the decimal written, ties to even, for inputs of any
 * length; out-of-range values become +-inf or +-0.  f32 is rounded from the
 * decimal directly (never through a double).  Syntax, as Rust's:
 *   [+-] ( digits [ '.' [digits] ] | '.' digits ) [ ('e'|'E') [+-] digits ]
 *   [+-] ( "inf" | "infinity" | "nan" ), case-insensitive
 * so "1.", ".5", "1e5", "+1.5E-3", "-0", "1.e5", "INFINITY" are accepted and
 * "", ".", "e5", "1e", "1e+", " 1", "1_0", "0x1p3", "in", "nan(1)" are not.
 * "-nan" is the NaN with the sign bit set; NaNs are the default quiet NaN
 * (0x7ff8000000000000 / 0x7fc00000, plus the sign).
 * Errors: "" is FLOAT_EMPTY, anything else malformed FLOAT_INVALID. */
int32_t trt_parse_f64(const uint8_t *p, int64_t len, double *out);
int32_t trt_parse_f32(const uint8_t *p, int64_t len, float *out);

/* bool: exactly "true" or "false" (case-sensitive), else BOOL_INVALID. */
int32_t trt_parse_bool(const uint8_t *p, int64_t len, bool *out);

/* char: the string must be exactly one Unicode scalar value, which goes to
 * *out.  "" is CHAR_EMPTY, two or more scalars CHAR_TOO_MANY.  Input that
 * is not UTF-8 breaks the string contract; it is reported as CHAR_TOO_MANY
 * (never read past len, never crashes). */
int32_t trt_parse_char(const uint8_t *p, int64_t len, uint32_t *out);

#endif /* TRT_PARSE_H */
