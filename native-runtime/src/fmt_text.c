/*
 * fmt_text.c — strings, chars and bools: Display pads, Debug quotes.
 *
 * Model (Rust's impls for str, char and bool):
 *   - Display of a string or char: rt_fmt_pad_text (precision truncates to
 *     that many characters, width pads; the zero flag means nothing here).
 *   - Debug of a string: `"` + each character escaped + `"`; of a char: the
 *     same between `'`.  Width and precision are ignored, as Rust ignores
 *     them for these types.  Escapes: \0 \t \r \n \\, \" in strings and \'
 *     in chars (the other quote is left alone), \u{hex} (lowercase, no
 *     leading zeros) for what rt_fmt_needs_unicode_escape says, and \xNN for
 *     bytes that are not UTF-8 (T strings should never have them; Rust
 *     cannot have them).
 *   - bool: Display and Debug are both the text `true`/`false`, padded.
 *
 * Invariants: runs of characters that need no escaping are written straight
 * from the caller's bytes, so long strings cost one write per escape, not
 * per character.
 */
#include "fmt_internal.h"
#include "internal.h"

#define TEXT_KINDS ((1u << TRT_FMT_DISPLAY) | (1u << TRT_FMT_DEBUG))

static const char hex_digits[] = "0123456789abcdef";

/* The escape for one character (or, when c is RT_FMT_BAD_UTF8, for the
 * malformed byte `byte`) into buf; returns its length, or 0 when the
 * character prints as itself. */
static size_t escape_of(uint32_t c, uint8_t byte, uint32_t quote, uint8_t buf[12])
{
	size_t n = 0;
	buf[n++] = '\\';
	if (c == RT_FMT_BAD_UTF8) {
		buf[n++] = 'x';
		buf[n++] = (uint8_t)hex_digits[byte >> 4];
		buf[n++] = (uint8_t)hex_digits[byte & 15];
	} else if (c == '\0') {
		buf[n++] = '0';
	} else if (c == '\t') {
		buf[n++] = 't';
	} else if (c == '\r') {
		buf[n++] = 'r';
	} else if (c == '\n') {
		buf[n++] = 'n';
	} else if (c == '\\' || c == quote) {
		buf[n++] = (uint8_t)c;
	} else if (rt_fmt_needs_unicode_escape(c)) {
		buf[n++] = 'u';
		buf[n++] = '{';
		int shift = 20;
		while (shift > 0 && (c >> shift) == 0)
			shift -= 4;
		for (; shift >= 0; shift -= 4)
			buf[n++] = (uint8_t)hex_digits[(c >> shift) & 15];
		buf[n++] = '}';
	} else {
		return 0;
	}
	return n;
}

/* The body of a Debug string or char, without the quotes. */
static void write_escaped(const rt_fmt *f, const uint8_t *p, int64_t len, uint32_t quote)
{
	int64_t run = 0; /* start of the pending run of bytes that print as is */
	int64_t i = 0;
	while (i < len) {
		uint32_t c;
		int64_t n = (int64_t)rt_fmt_utf8_decode(p + i, len - i, &c);
		/* Most text is printable ASCII: skip the escape checks for it. */
		bool plain = c >= 0x20 && c < 0x7f && c != '\\' && c != quote;
		uint8_t buf[12];
		size_t k = plain ? 0 : escape_of(c, p[i], quote, buf);
		if (k > 0) {
			rt_fmt_write(f, p + run, (size_t)(i - run));
			rt_fmt_write(f, buf, k);
			run = i + n;
		}
		i += n;
	}
	rt_fmt_write(f, p + run, (size_t)(i - run));
}

void trt_fmt_str(trt_sink *out, const uint8_t *p, int64_t len, const trt_fmt_spec *spec)
{
	if (len < 0)
		rt_bug("trt_fmt_str: negative length", len);
	rt_fmt f;
	rt_fmt_init(&f, out, spec, TEXT_KINDS);
	if (f.kind == TRT_FMT_DEBUG) {
		rt_fmt_write(&f, (const uint8_t *)"\"", 1);
		write_escaped(&f, p, len, '"');
		rt_fmt_write(&f, (const uint8_t *)"\"", 1);
	} else {
		rt_fmt_pad_text(&f, p, len);
	}
}

void trt_fmt_char(trt_sink *out, uint32_t c, const trt_fmt_spec *spec)
{
	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		rt_bug("trt_fmt_char: not a Unicode scalar value", c);
	rt_fmt f;
	rt_fmt_init(&f, out, spec, TEXT_KINDS);
	uint8_t buf[4];
	size_t n = rt_fmt_utf8_encode(c, buf);
	if (f.kind == TRT_FMT_DEBUG) {
		rt_fmt_write(&f, (const uint8_t *)"'", 1);
		write_escaped(&f, buf, (int64_t)n, '\'');
		rt_fmt_write(&f, (const uint8_t *)"'", 1);
	} else {
		rt_fmt_pad_text(&f, buf, (int64_t)n);
	}
}

void trt_fmt_bool(trt_sink *out, bool v, const trt_fmt_spec *spec)
{
	rt_fmt f;
	rt_fmt_init(&f, out, spec, TEXT_KINDS);
	if (v)
		rt_fmt_pad_text(&f, (const uint8_t *)"true", 4);
	else
		rt_fmt_pad_text(&f, (const uint8_t *)"false", 5);
}
