/*
 * fmt_unicode.c — UTF-8 and the set of characters Debug escapes.
 *
 * Model: T strings are UTF-8, and widths and precisions count Unicode scalar
 * values, so the formatters walk text one character at a time with
 * rt_fmt_utf8_decode.  The decoder is strict (the same sequences as Rust's
 * from_utf8 accept) and total: a byte that does not start a well-formed
 * sequence is reported as one malformed "character" of one byte, so bytes
 * that are not UTF-8 (command-line arguments may be anything) are still
 * counted, passed through by Display and escaped as \xNN by Debug.
 *
 * rt_fmt_needs_unicode_escape answers "does Rust's {:?} print this char as
 * \u{..}?" — true for chars that are not printable (controls, format
 * characters, separators other than space, private use, unassigned) and for
 * grapheme extenders (combining marks, which would otherwise attach to the
 * quote or backslash before them).  The answer comes from a table generated
 * by asking Rust itself (fmt_unicode_table.h), so it is exact for the Unicode
 * version of the Rust that generated it, not an approximation.
 *
 * Invariants: no state; the table is read-only, about 2 KiB.
 */
#include "fmt_internal.h"
#include "fmt_unicode_table.h"

static bool is_cont(uint8_t b)
{
	return (b & 0xc0) == 0x80;
}

size_t rt_fmt_utf8_decode(const uint8_t *p, int64_t len, uint32_t *c)
{
	uint8_t b0 = p[0];
	if (b0 < 0x80) {
		*c = b0;
		return 1;
	}
	size_t need;
	uint32_t v;
	/* Bounds for the second byte exclude overlong forms (E0, F0),
	 * surrogates (ED) and values above 0x10FFFF (F4). */
	uint8_t lo = 0x80, hi = 0xbf;
	if (b0 >= 0xc2 && b0 <= 0xdf) {
		need = 1;
		v = b0 & 0x1f;
	} else if (b0 >= 0xe0 && b0 <= 0xef) {
		need = 2;
		v = b0 & 0x0f;
		if (b0 == 0xe0)
			lo = 0xa0;
		else if (b0 == 0xed)
			hi = 0x9f;
	} else if (b0 >= 0xf0 && b0 <= 0xf4) {
		need = 3;
		v = b0 & 0x07;
		if (b0 == 0xf0)
			lo = 0x90;
		else if (b0 == 0xf4)
			hi = 0x8f;
	} else {
		*c = RT_FMT_BAD_UTF8;
		return 1;
	}
	if ((int64_t)need >= len || p[1] < lo || p[1] > hi) {
		*c = RT_FMT_BAD_UTF8;
		return 1;
	}
	v = (v << 6) | (p[1] & 0x3f);
	for (size_t i = 2; i <= need; i++) {
		if (!is_cont(p[i])) {
			*c = RT_FMT_BAD_UTF8;
			return 1;
		}
		v = (v << 6) | (p[i] & 0x3f);
	}
	*c = v;
	return need + 1;
}

size_t rt_fmt_utf8_encode(uint32_t c, uint8_t out[4])
{
	if (c < 0x80) {
		out[0] = (uint8_t)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (uint8_t)(0xc0 | (c >> 6));
		out[1] = (uint8_t)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (uint8_t)(0xe0 | (c >> 12));
		out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (uint8_t)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (uint8_t)(0xf0 | (c >> 18));
	out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (uint8_t)(0x80 | (c & 0x3f));
	return 4;
}

bool rt_fmt_needs_unicode_escape(uint32_t c)
{
	/* Printable ASCII is by far the common case. */
	if (c >= 0x20 && c < 0x7f)
		return false;
	/* Find the last indexed boundary <= c (binary search), then scan the
	 * deltas after it, counting boundaries <= c.  Before the first boundary
	 * nothing is escaped. */
	size_t lo = 0, hi = sizeof fmt_esc_index / sizeof fmt_esc_index[0];
	if (c < fmt_esc_index[0][0])
		return false;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (fmt_esc_index[mid][0] <= c)
			lo = mid;
		else
			hi = mid;
	}
	uint32_t bound = fmt_esc_index[lo][0];
	size_t count = lo * FMT_ESC_STRIDE + 1; /* boundaries <= c so far */
	size_t off = fmt_esc_index[lo][1];
	while (off < sizeof fmt_esc_deltas) {
		uint32_t d = 0;
		unsigned shift = 0;
		uint8_t b;
		do {
			b = fmt_esc_deltas[off++];
			d |= (uint32_t)(b & 0x7f) << shift;
			shift += 7;
		} while (b & 0x80);
		bound += d;
		if (bound > c)
			break;
		count++;
	}
	return (count & 1) != 0;
}
