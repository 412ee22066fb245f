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

size_t rt_fmt_i64(uint8_t *out, int64_t v)
{
	/* Work on the magnitude as unsigned: -INT64_MIN does not fit in int64_t,
	 * but 0 - (uint64_t)INT64_MIN is exactly 2^63. */
	uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	uint8_t digits[RT_FMT_I64_MAX];
	size_t nd = 0;
	do {
		digits[nd++] = (uint8_t)('0' + mag % 10);
		mag /= 10;
	} while (mag != 0);

	size_t n = 0;
	if (v < 0)
		out[n++] = '-';
	while (nd > 0)
		out[n++] = digits[--nd];
	return n;
}
