/*
 * fmt_pad.c — spec validation and padding, shared by every formatter.
 *
 * Model: a formatter renders its value into pieces (sign, prefix, digits,
 * runs of zeros) without knowing the width; the functions here measure the
 * pieces and write fill characters before and after them, following Rust's
 * Formatter exactly:
 *   - pad_integral (integers): sign, then the 0x/0o/0b prefix when `#` is
 *     given, then the digits; with `0` the zeros go between prefix and digits
 *     and fill/align are ignored.
 *   - pad_formatted_parts (floats, integers in e/E): the same with only a
 *     sign (NaN and inf are zero-padded too: `{:05}` of inf is `00inf`).
 *   - pad (text): precision cuts the text to that many characters first;
 *     the zero flag is ignored.
 * Widths count Unicode scalar values; number output is ASCII, so there
 * bytes and characters agree.  Default alignment: right for numbers, left
 * for text.  Centering puts the odd fill character on the right.
 *
 * Invariants:
 *   - Specs are validated once, in rt_fmt_init; a bad spec is a compiler
 *     bug (rt_bug, status 134), never a user error.
 *   - Fill runs and zero runs are written from small stack buffers in
 *     chunks: a width of a million costs no memory.
 */
#include "fmt_internal.h"
#include "internal.h"

/* The compiler emits specs as LLVM constants with the layout documented in
 * trt_fmt.h and docs/abi.md: make any change to the struct fail here. */
_Static_assert(sizeof(trt_fmt_spec) == 16 && _Alignof(trt_fmt_spec) == 4,
               "trt_fmt_spec layout is ABI");
_Static_assert(offsetof(trt_fmt_spec, fill) == 0 && offsetof(trt_fmt_spec, width) == 4 &&
               offsetof(trt_fmt_spec, precision) == 8 && offsetof(trt_fmt_spec, kind) == 12 &&
               offsetof(trt_fmt_spec, align) == 13 && offsetof(trt_fmt_spec, flags) == 14 &&
               offsetof(trt_fmt_spec, reserved) == 15,
               "trt_fmt_spec layout is ABI");

void rt_fmt_init(rt_fmt *f, trt_sink *out, const trt_fmt_spec *spec, uint32_t kinds)
{
	f->out = out;
	if (spec == NULL) {
		f->fill = ' ';
		f->width = -1;
		f->precision = -1;
		f->kind = TRT_FMT_DISPLAY;
		f->align = TRT_ALIGN_DEFAULT;
		f->flags = 0;
		return;
	}
	/* Cheap checks on a compile-time constant: catching a bad layout or an
	 * unsupported kind here beats printing garbage. */
	if (spec->kind > TRT_FMT_UPPER_EXP || ((kinds >> spec->kind) & 1) == 0)
		rt_bug("trt_fmt: spec kind not valid for this type", spec->kind);
	if (spec->align > TRT_ALIGN_RIGHT)
		rt_bug("trt_fmt: invalid spec alignment", spec->align);
	if ((spec->flags & ~TRT_FMT_FLAG_ALL) != 0 || spec->reserved != 0)
		rt_bug("trt_fmt: invalid spec flags", spec->flags);
	if (spec->width < -1)
		rt_bug("trt_fmt: invalid spec width", spec->width);
	if (spec->precision < -1)
		rt_bug("trt_fmt: invalid spec precision", spec->precision);
	if (spec->fill > 0x10ffff || (spec->fill >= 0xd800 && spec->fill <= 0xdfff))
		rt_bug("trt_fmt: spec fill is not a Unicode scalar value", spec->fill);
	f->fill = spec->fill;
	f->width = spec->width;
	f->precision = spec->precision;
	f->kind = spec->kind;
	f->align = spec->align;
	f->flags = spec->flags;
}

void rt_fmt_write(const rt_fmt *f, const uint8_t *p, size_t len)
{
	if (len > 0)
		f->out->write(f->out, p, (int64_t)len);
}

void rt_fmt_repeat(const rt_fmt *f, uint32_t c, int64_t count)
{
	if (count <= 0)
		return;
	uint8_t one[4];
	size_t w = rt_fmt_utf8_encode(c, one);
	/* 60 is a multiple of 1, 2, 3 and 4, so the buffer holds whole
	 * characters whatever their length. */
	uint8_t buf[60];
	size_t per = sizeof buf / w;
	for (size_t i = 0; i < per * w; i++)
		buf[i] = one[i % w];
	while (count > 0) {
		size_t n = (uint64_t)count < per ? (size_t)count : per;
		rt_fmt_write(f, buf, n * w);
		count -= (int64_t)n;
	}
}

/* Writes the fill that goes before the content of a field `pad` characters
 * short of its width and returns how many go after it. */
static int64_t pad_before(const rt_fmt *f, uint32_t fill, uint8_t align,
                          int64_t pad, uint8_t default_align)
{
	if (align == TRT_ALIGN_DEFAULT)
		align = default_align;
	int64_t before, after;
	switch (align) {
	case TRT_ALIGN_LEFT:
		before = 0;
		after = pad;
		break;
	case TRT_ALIGN_CENTER:
		before = pad / 2;
		after = pad - before;
		break;
	default:
		before = pad;
		after = 0;
		break;
	}
	rt_fmt_repeat(f, fill, before);
	return after;
}

static size_t str_len(const char *s)
{
	size_t n = 0;
	while (s[n] != '\0')
		n++;
	return n;
}

static void write_cstr(const rt_fmt *f, const char *s)
{
	rt_fmt_write(f, (const uint8_t *)s, str_len(s));
}

static void write_parts(const rt_fmt *f, const rt_fmt_part *parts, int nparts)
{
	for (int i = 0; i < nparts; i++) {
		if (parts[i].p == NULL)
			rt_fmt_repeat(f, '0', parts[i].len);
		else
			rt_fmt_write(f, parts[i].p, (size_t)parts[i].len);
	}
}

void rt_fmt_pad_parts(const rt_fmt *f, const char *sign,
                      const rt_fmt_part *parts, int nparts)
{
	int64_t sign_len = (int64_t)str_len(sign);
	int64_t len = 0;
	for (int i = 0; i < nparts; i++)
		len += parts[i].len;
	if (f->width < 0) {
		write_cstr(f, sign);
		write_parts(f, parts, nparts);
		return;
	}
	int64_t width = f->width;
	uint32_t fill = f->fill;
	uint8_t align = f->align;
	if (f->flags & TRT_FMT_FLAG_ZERO) {
		/* The sign always comes first; zeros fill the rest. */
		write_cstr(f, sign);
		sign = "";
		width = width > sign_len ? width - sign_len : 0;
		fill = '0';
		align = TRT_ALIGN_RIGHT;
	} else {
		len += sign_len;
	}
	if (width <= len) {
		write_cstr(f, sign);
		write_parts(f, parts, nparts);
		return;
	}
	int64_t after = pad_before(f, fill, align, width - len, TRT_ALIGN_RIGHT);
	write_cstr(f, sign);
	write_parts(f, parts, nparts);
	rt_fmt_repeat(f, fill, after);
}

void rt_fmt_pad_integral(const rt_fmt *f, bool nonneg, const char *prefix,
                         const uint8_t *digits, size_t ndigits)
{
	const char *sign = !nonneg ? "-" : (f->flags & TRT_FMT_FLAG_PLUS) ? "+" : "";
	if (!(f->flags & TRT_FMT_FLAG_ALTERNATE))
		prefix = "";
	int64_t len = (int64_t)(str_len(sign) + str_len(prefix) + ndigits);
	if (f->width < 0 || len >= f->width) {
		write_cstr(f, sign);
		write_cstr(f, prefix);
		rt_fmt_write(f, digits, ndigits);
	} else if (f->flags & TRT_FMT_FLAG_ZERO) {
		write_cstr(f, sign);
		write_cstr(f, prefix);
		rt_fmt_repeat(f, '0', f->width - len);
		rt_fmt_write(f, digits, ndigits);
	} else {
		int64_t after = pad_before(f, f->fill, f->align, f->width - len,
		                           TRT_ALIGN_RIGHT);
		write_cstr(f, sign);
		write_cstr(f, prefix);
		rt_fmt_write(f, digits, ndigits);
		rt_fmt_repeat(f, f->fill, after);
	}
}

void rt_fmt_pad_text(const rt_fmt *f, const uint8_t *p, int64_t len)
{
	if (f->width < 0 && f->precision < 0) {
		rt_fmt_write(f, p, (size_t)len);
		return;
	}
	/* Count characters, stopping at the precision if there is one. */
	int64_t chars = 0, used = 0;
	while (used < len && (f->precision < 0 || chars < f->precision)) {
		uint32_t c;
		used += (int64_t)rt_fmt_utf8_decode(p + used, len - used, &c);
		chars++;
	}
	if (f->width >= 0 && chars < f->width) {
		int64_t after = pad_before(f, f->fill, f->align, f->width - chars,
		                           TRT_ALIGN_LEFT);
		rt_fmt_write(f, p, (size_t)used);
		rt_fmt_repeat(f, f->fill, after);
	} else {
		rt_fmt_write(f, p, (size_t)used);
	}
}
