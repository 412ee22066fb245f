/*
 * fmt.c — formatting numbers into caller-provided bytes.
 *
 * Model: formatters write into a buffer the caller owns (usually on its
 * stack) and return the length; they never allocate, never print and never
 * fail, so the panic path can use them too.
 *
 * Invariant: output is plain ASCII, the same on every target.
 */
#include "internal.h"

/* Writes the decimal digits of `mag` after an optional '-'. */
static size_t fmt_magnitude(uint8_t *out, uint64_t mag, bool negative)
{
	uint8_t digits[RT_FMT_I64_MAX];
	size_t nd = 0;
	do {
		digits[nd++] = (uint8_t)('0' + mag % 10);
		mag /= 10;
	} while (mag != 0);

	size_t n = 0;
	if (negative)
		out[n++] = '-';
	while (nd > 0)
		out[n++] = digits[--nd];
	return n;
}

size_t rt_fmt_i64(uint8_t *out, int64_t v)
{
	/* Work on the magnitude as unsigned: -INT64_MIN does not fit in int64_t,
	 * but 0 - (uint64_t)INT64_MIN is exactly 2^63. */
	uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	return fmt_magnitude(out, mag, v < 0);
}

size_t rt_fmt_u64(uint8_t *out, uint64_t v)
{
	return fmt_magnitude(out, v, false);
}

size_t rt_utf8_encode(uint8_t *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (uint8_t)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (uint8_t)(0xC0 | (c >> 6));
		out[1] = (uint8_t)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (uint8_t)(0xE0 | (c >> 12));
		out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (uint8_t)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (uint8_t)(0xF0 | (c >> 18));
	out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (uint8_t)(0x80 | (c & 0x3F));
	return 4;
}
