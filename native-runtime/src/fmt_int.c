/*
 * fmt_int.c — integers: decimal, x/X/o/b, and e/E scientific notation.
 *
 * Model (Rust's integer impls):
 *   - Display and Debug print the decimal value; with the {:x?}/{:X?} flags
 *     Debug prints hex instead.
 *   - x/X/o/b print the value's bits as an unsigned number: never a '-'
 *     (a '+' with the plus flag, as Rust does), prefix 0x/0o/0b with '#'.
 *     The caller passes the bits masked to the source type's width.
 *   - e/E print d[.ddd]e<exp> with trailing decimal zeros folded into the
 *     exponent; a precision keeps that many digits after the point, rounding
 *     half to even on the exact integer (exact: the digits dropped past the
 *     first are known, since trailing zeros were removed first) or adding
 *     zeros.
 *   - Precision means nothing to the other kinds and is ignored.
 *
 * Invariants: digits are produced into stack buffers (64 binary digits at
 * most); no division wider than 64 bits (there is no compiler-rt).
 */
#include "fmt_internal.h"

#define INT_KINDS 0xffu /* every kind */

static size_t to_decimal(uint64_t v, uint8_t buf[20])
{
	uint8_t tmp[20];
	size_t n = 0;
	do {
		tmp[n++] = (uint8_t)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

/* Digits of v in base 2^bits (1, 3 or 4). */
static size_t to_radix(uint64_t v, unsigned bits, bool upper, uint8_t buf[64])
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	uint8_t tmp[64];
	size_t n = 0;
	uint64_t mask = (1u << bits) - 1;
	do {
		tmp[n++] = (uint8_t)set[v & mask];
		v >>= bits;
	} while (v != 0);
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

static void fmt_radix(const rt_fmt *f, uint64_t bits, uint8_t kind)
{
	uint8_t buf[64];
	size_t n;
	const char *prefix;
	switch (kind) {
	case TRT_FMT_LOWER_HEX:
		n = to_radix(bits, 4, false, buf);
		prefix = "0x";
		break;
	case TRT_FMT_UPPER_HEX:
		n = to_radix(bits, 4, true, buf);
		prefix = "0x";
		break;
	case TRT_FMT_OCTAL:
		n = to_radix(bits, 3, false, buf);
		prefix = "0o";
		break;
	default:
		n = to_radix(bits, 1, false, buf);
		prefix = "0b";
		break;
	}
	rt_fmt_pad_integral(f, true, prefix, buf, n);
}

static int32_t decimal_len(uint64_t v)
{
	int32_t n = 1;
	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static void fmt_exp(const rt_fmt *f, bool nonneg, uint64_t n, bool upper)
{
	int32_t exponent = 0;
	/* Trailing zeros go into the exponent: 1200 is 1.2e3. */
	while (n >= 10 && n % 10 == 0) {
		n /= 10;
		exponent++;
	}
	int64_t added = 0; /* zeros to append after the digits */
	if (f->precision >= 0) {
		int64_t have = decimal_len(n) - 1; /* digits after the point */
		if (f->precision >= have) {
			added = f->precision - have;
		} else {
			int64_t drop = have - f->precision;
			for (int64_t i = 1; i < drop; i++) {
				n /= 10;
				exponent++;
			}
			uint64_t rem = n % 10;
			n /= 10;
			exponent++;
			/* Past the first dropped digit the rest is non-zero whenever
			 * more than one digit was dropped (the last digit of n was not
			 * 0), so `drop > 1` means "above the half". */
			if (rem > 5 || (rem == 5 && (n % 2 != 0 || drop > 1))) {
				n++;
				/* 99 -> 100 keeps its digit count by moving the point. */
				if (decimal_len(n) > decimal_len(n - 1)) {
					n /= 10;
					exponent++;
				}
			}
		}
	}
	uint8_t digits[20];
	size_t nd = to_decimal(n, digits);
	exponent += (int32_t)nd - 1;

	uint8_t mant[21];
	size_t m = 0;
	mant[m++] = digits[0];
	if (nd > 1 || added > 0)
		mant[m++] = '.';
	for (size_t i = 1; i < nd; i++)
		mant[m++] = digits[i];
	uint8_t exp[3];
	exp[0] = upper ? 'E' : 'e';
	size_t ne = 1 + to_decimal((uint64_t)exponent, exp + 1);

	rt_fmt_part parts[3] = {
		{ mant, (int64_t)m },
		{ NULL, added },
		{ exp, (int64_t)ne },
	};
	const char *sign = !nonneg ? "-" : (f->flags & TRT_FMT_FLAG_PLUS) ? "+" : "";
	rt_fmt_pad_parts(f, sign, parts, 3);
}

/* `mag` is the magnitude for decimal output, `bits` what x/X/o/b print. */
static void fmt_int(const rt_fmt *f, bool nonneg, uint64_t mag, uint64_t bits)
{
	uint8_t kind = f->kind;
	if (kind == TRT_FMT_DEBUG) {
		if (f->flags & TRT_FMT_FLAG_DEBUG_LOWER_HEX)
			kind = TRT_FMT_LOWER_HEX;
		else if (f->flags & TRT_FMT_FLAG_DEBUG_UPPER_HEX)
			kind = TRT_FMT_UPPER_HEX;
	}
	switch (kind) {
	case TRT_FMT_DISPLAY:
	case TRT_FMT_DEBUG: {
		uint8_t buf[20];
		size_t n = to_decimal(mag, buf);
		rt_fmt_pad_integral(f, nonneg, "", buf, n);
		break;
	}
	case TRT_FMT_LOWER_EXP:
	case TRT_FMT_UPPER_EXP:
		fmt_exp(f, nonneg, mag, kind == TRT_FMT_UPPER_EXP);
		break;
	default:
		fmt_radix(f, bits, kind);
		break;
	}
}

void trt_fmt_i64(trt_sink *out, int64_t v, const trt_fmt_spec *spec)
{
	rt_fmt f;
	rt_fmt_init(&f, out, spec, INT_KINDS);
	/* 0 - (uint64_t)INT64_MIN is 2^63: the magnitude always fits. */
	uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	fmt_int(&f, v >= 0, mag, (uint64_t)v);
}

void trt_fmt_u64(trt_sink *out, uint64_t v, const trt_fmt_spec *spec)
{
	rt_fmt f;
	rt_fmt_init(&f, out, spec, INT_KINDS);
	fmt_int(&f, true, v, v);
}
