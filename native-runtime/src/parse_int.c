/*
 * parse_int.c — `str::parse` for integers, bool and char, and the messages
 * of every parse error (floats are in parse_float.c).
 *
 * Model: each function reads a borrowed (pointer, length) string once, left
 * to right, and returns a status (include/trt_parse.h); the value goes to
 * the caller's `*out` only on success.  No allocation, no state, no output.
 *
 * Integers: one routine serves every width.  The magnitude is accumulated in
 * a uint64_t against a limit — `max` for a positive number, `-min` (computed
 * in unsigned arithmetic, so 2^63 for i64) for a negative one — which is
 * equivalent to Rust's checked arithmetic in the target type: the
 * accumulator only grows, so it leaves the type's range exactly when it
 * passes the limit.  Per digit the checks come in Rust's order: not a digit
 * (INVALID_DIGIT), then `acc * radix` past the limit, then `+ digit` past
 * it (POS_/NEG_OVERFLOW); the first failure ends the parse.
 *
 * Invariants: never reads p[len] or beyond; never writes *out on failure;
 * the error texts are byte-for-byte Rust's Display output.
 */
#include "trt.h"
#include "internal.h"

/* ---- Error messages -------------------------------------------------------- */

struct msg {
	const char *text;
	int64_t len;
};

#define MSG(lit) { lit, (int64_t)(sizeof(lit) - 1) }

/* Indexed by status; TRT_PARSE_OK has the empty message. */
static const struct msg messages[] = {
	[TRT_PARSE_OK] = MSG(""),
	[TRT_PARSE_INT_EMPTY] = MSG("cannot parse integer from empty string"),
	[TRT_PARSE_INT_INVALID_DIGIT] = MSG("invalid digit found in string"),
	[TRT_PARSE_INT_POS_OVERFLOW] = MSG("number too large to fit in target type"),
	[TRT_PARSE_INT_NEG_OVERFLOW] = MSG("number too small to fit in target type"),
	[TRT_PARSE_INT_ZERO] = MSG("number would be zero for non-zero type"),
	[TRT_PARSE_FLOAT_EMPTY] = MSG("cannot parse float from empty string"),
	[TRT_PARSE_FLOAT_INVALID] = MSG("invalid float literal"),
	[TRT_PARSE_BOOL_INVALID] = MSG("provided string was not `true` or `false`"),
	[TRT_PARSE_CHAR_EMPTY] = MSG("cannot parse char from empty string"),
	[TRT_PARSE_CHAR_TOO_MANY] = MSG("too many characters in string"),
};

static const struct msg *message(int32_t status)
{
	if (status < 0 || status > TRT_PARSE_CHAR_TOO_MANY)
		rt_bug("trt_parse_error: unknown parse status", status);
	return &messages[status];
}

const uint8_t *trt_parse_error_ptr(int32_t status)
{
	return (const uint8_t *)message(status)->text;
}

int64_t trt_parse_error_len(int32_t status)
{
	return message(status)->len;
}

/* ---- Integers -------------------------------------------------------------- */

/* The value of `c` as a digit: 0-9, then a-z / A-Z as 10-35; 36 or more
 * for anything else (so `>= radix` rejects it for every radix). */
static uint32_t digit_value(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return (uint32_t)(c - '0');
	uint8_t lower = (uint8_t)(c | 0x20); /* maps exactly A-Z onto a-z */
	if (lower >= 'a' && lower <= 'z')
		return (uint32_t)(lower - 'a') + 10;
	return 36;
}

/* Accumulates the digits p[0..n) (n >= 1) as a magnitude <= limit. */
static int32_t magnitude(const uint8_t *p, int64_t n, uint32_t radix,
                         uint64_t limit, int32_t overflow, uint64_t *mag)
{
	uint64_t acc = 0;
	int64_t i = 0;

	/* Fast path: up to 18 decimal digits cannot overflow uint64_t, so they
	 * are accumulated without per-digit limit checks.  The accumulator only
	 * grows, so "some prefix passed the limit" is "the last prefix did":
	 * one comparison where the loop stops gives Rust's per-digit answer
	 * (an overflow that happened before an invalid digit wins). */
	if (radix == 10 && n <= 18) {
		for (; i < n; i++) {
			uint32_t d = (uint32_t)p[i] - '0';
			if (d >= 10)
				return acc > limit ? overflow : TRT_PARSE_INT_INVALID_DIGIT;
			acc = acc * 10 + d;
		}
		if (acc > limit)
			return overflow;
		*mag = acc;
		return TRT_PARSE_OK;
	}

	uint64_t mul_limit = limit / radix; /* acc * radix <= limit iff acc <= this */
	for (; i < n; i++) {
		uint32_t d = digit_value(p[i]);
		if (d >= radix)
			return TRT_PARSE_INT_INVALID_DIGIT;
		if (acc > mul_limit)
			return overflow;
		acc *= radix;
		if (d > limit - acc)
			return overflow;
		acc += d;
	}
	*mag = acc;
	return TRT_PARSE_OK;
}

static void check_len(int64_t len)
{
	if (len < 0)
		rt_bug("trt_parse: negative length", len);
}

static void check_radix(uint32_t radix)
{
	if (radix < 2 || radix > 36)
		rt_bug("trt_parse: radix outside [2, 36]", radix);
}

int32_t trt_parse_i64(const uint8_t *p, int64_t len, uint32_t radix,
                      int64_t min, int64_t max, int64_t *out)
{
	check_len(len);
	check_radix(radix);
	if (min > 0 || max < 0)
		rt_bug("trt_parse_i64: range does not contain 0", min > 0 ? min : max);
	if (len == 0)
		return TRT_PARSE_INT_EMPTY;

	bool negative = p[0] == '-';
	int64_t start = (p[0] == '+' || negative) ? 1 : 0;
	if (start == len)
		return TRT_PARSE_INT_INVALID_DIGIT; /* a sign alone */

	uint64_t limit = negative ? 0 - (uint64_t)min : (uint64_t)max;
	uint64_t mag;
	int32_t status = magnitude(p + start, len - start, radix, limit,
	                           negative ? TRT_PARSE_INT_NEG_OVERFLOW
	                                    : TRT_PARSE_INT_POS_OVERFLOW,
	                           &mag);
	if (status == TRT_PARSE_OK)
		/* mag <= 2^63 when negative: 0 - 2^63 converts to INT64_MIN */
		*out = negative ? (int64_t)(0 - mag) : (int64_t)mag;
	return status;
}

int32_t trt_parse_u64(const uint8_t *p, int64_t len, uint32_t radix,
                      uint64_t max, uint64_t *out)
{
	check_len(len);
	check_radix(radix);
	if (len == 0)
		return TRT_PARSE_INT_EMPTY;
	/* Only '+' is a sign here; a '-' stays and is an invalid digit, so "-0"
	 * is rejected, and a lone "-" too, as in Rust. */
	if (len == 1 && (p[0] == '+' || p[0] == '-'))
		return TRT_PARSE_INT_INVALID_DIGIT;
	int64_t start = p[0] == '+' ? 1 : 0;
	uint64_t mag;
	int32_t status = magnitude(p + start, len - start, radix, max,
	                           TRT_PARSE_INT_POS_OVERFLOW, &mag);
	if (status == TRT_PARSE_OK)
		*out = mag;
	return status;
}

/* ---- bool ------------------------------------------------------------------ */

int32_t trt_parse_bool(const uint8_t *p, int64_t len, bool *out)
{
	check_len(len);
	if (len == 4 && p[0] == 't' && p[1] == 'r' && p[2] == 'u' && p[3] == 'e') {
		*out = true;
		return TRT_PARSE_OK;
	}
	if (len == 5 && p[0] == 'f' && p[1] == 'a' && p[2] == 'l' && p[3] == 's' &&
	    p[4] == 'e') {
		*out = false;
		return TRT_PARSE_OK;
	}
	return TRT_PARSE_BOOL_INVALID;
}

/* ---- char ------------------------------------------------------------------ */

/* Decodes one well-formed UTF-8 sequence at the start of p[0..len), len >= 1.
 * Returns its length (1-4) and the scalar in *cp, or 0 when the bytes there
 * are not a well-formed sequence (overlong forms, surrogates, values past
 * U+10FFFF and truncated sequences are all rejected). */
static int64_t utf8_decode(const uint8_t *p, int64_t len, uint32_t *cp)
{
	uint32_t b0 = p[0];
	int64_t n;
	uint32_t c, lo = 0x80, hi = 0xBF; /* allowed range of the second byte */

	if (b0 < 0x80) {
		*cp = b0;
		return 1;
	} else if (b0 >= 0xC2 && b0 <= 0xDF) {
		n = 2;
		c = b0 & 0x1F;
	} else if (b0 >= 0xE0 && b0 <= 0xEF) {
		n = 3;
		c = b0 & 0x0F;
		if (b0 == 0xE0)
			lo = 0xA0; /* no overlong forms */
		if (b0 == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (b0 >= 0xF0 && b0 <= 0xF4) {
		n = 4;
		c = b0 & 0x07;
		if (b0 == 0xF0)
			lo = 0x90; /* no overlong forms */
		if (b0 == 0xF4)
			hi = 0x8F; /* nothing past U+10FFFF */
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (int64_t i = 1; i < n; i++) {
		uint32_t b = p[i];
		if (b < lo || b > hi)
			return 0;
		lo = 0x80;
		hi = 0xBF;
		c = (c << 6) | (b & 0x3F);
	}
	*cp = c;
	return n;
}

int32_t trt_parse_char(const uint8_t *p, int64_t len, uint32_t *out)
{
	check_len(len);
	if (len == 0)
		return TRT_PARSE_CHAR_EMPTY;
	uint32_t cp;
	if (utf8_decode(p, len, &cp) != len)
		return TRT_PARSE_CHAR_TOO_MANY; /* more after the first (or not UTF-8) */
	*out = cp;
	return TRT_PARSE_OK;
}
