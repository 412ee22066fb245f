/*
 * fmt_float.c — f64 and f32: decoding, choosing the digits, laying them out.
 *
 * Model (Rust's core::fmt::float and flt2dec):
 *   - Decode into sign, class (NaN, inf, zero, finite) and, for finite
 *     values, mant * 2^exp2 with the rounding interval's shape: below a
 *     power of two the lower neighbour is twice as close.  (Like Rust's
 *     decoder we say so for the smallest normal too, whose lower neighbour
 *     is really a subnormal at the full distance; the narrower interval
 *     changes no output, for f64 or f32.)
 *   - Digits come from rt_fmt_shortest (no precision) or rt_fmt_exact
 *     (with a precision), as a digit string and a decimal exponent:
 *     value = 0.DIGITS * 10^dexp.
 *   - Layout is Rust's digits_to_dec_str / digits_to_exp_str:
 *     {}: never an exponent; {:?}: at least one fractional digit, and the
 *     exponent form when v != 0 and |v| < 1e-4 or |v| >= 1e16 (compared in
 *     the value's own type); {:e}: d[.ddd]e<exp>, exponent without '+'.
 *   - Sign: '-' for any negative value (-0.0 included, and negatives that
 *     round to zero), '+' for the others with the plus flag; NaN never has
 *     one.  Padding is rt_fmt_pad_parts (zero padding applies to inf/NaN).
 *
 * Invariants: no floating-point arithmetic at all (bit manipulation only),
 * so the result cannot depend on the target's FPU modes; a value's digits
 * live in a stack buffer, and zeros past them are generated, never stored.
 */
#include "fmt_internal.h"

#define FLOAT_KINDS ((1u << TRT_FMT_DISPLAY) | (1u << TRT_FMT_DEBUG) | \
                     (1u << TRT_FMT_LOWER_EXP) | (1u << TRT_FMT_UPPER_EXP))

enum fclass { F_NAN, F_INF, F_ZERO, F_FINITE };

typedef struct decoded {
	enum fclass cls;
	bool neg;
	bool lower_closer;
	bool debug_exp; /* {:?} uses the exponent form */
	uint64_t mant;
	int32_t exp2;
} decoded;

static const uint8_t *lit(const char *s)
{
	return (const uint8_t *)s;
}

/* Decimal layout; frac_digits is the minimum number of fractional digits. */
static void dec_layout(const rt_fmt *f, const char *sign, const uint8_t *d,
                       int64_t n, int32_t dexp, int64_t frac_digits)
{
	rt_fmt_part parts[5];
	int np = 0;
	if (dexp <= 0) {
		/* 0.000ddd */
		parts[np++] = (rt_fmt_part){ lit("0."), 2 };
		parts[np++] = (rt_fmt_part){ NULL, -(int64_t)dexp };
		parts[np++] = (rt_fmt_part){ d, n };
		int64_t have = n - dexp;
		if (frac_digits > have)
			parts[np++] = (rt_fmt_part){ NULL, frac_digits - have };
	} else if (dexp < n) {
		/* dd.ddd */
		parts[np++] = (rt_fmt_part){ d, dexp };
		parts[np++] = (rt_fmt_part){ lit("."), 1 };
		parts[np++] = (rt_fmt_part){ d + dexp, n - dexp };
		int64_t have = n - dexp;
		if (frac_digits > have)
			parts[np++] = (rt_fmt_part){ NULL, frac_digits - have };
	} else {
		/* ddd000[.000] */
		parts[np++] = (rt_fmt_part){ d, n };
		parts[np++] = (rt_fmt_part){ NULL, dexp - n };
		if (frac_digits > 0) {
			parts[np++] = (rt_fmt_part){ lit("."), 1 };
			parts[np++] = (rt_fmt_part){ NULL, frac_digits };
		}
	}
	rt_fmt_pad_parts(f, sign, parts, np);
}

/* Exponent layout with at least min_digits significant digits. */
static void exp_layout(const rt_fmt *f, const char *sign, const uint8_t *d,
                       int64_t n, int32_t dexp, int64_t min_digits, bool upper)
{
	rt_fmt_part parts[5];
	int np = 0;
	parts[np++] = (rt_fmt_part){ d, 1 };
	if (n > 1 || min_digits > 1) {
		parts[np++] = (rt_fmt_part){ lit("."), 1 };
		parts[np++] = (rt_fmt_part){ d + 1, n - 1 };
		if (min_digits > n)
			parts[np++] = (rt_fmt_part){ NULL, min_digits - n };
	}
	/* The exponent of d.ddd is dexp - 1; |dexp - 1| <= 324. */
	uint8_t e[6];
	size_t ne = 0;
	e[ne++] = upper ? 'E' : 'e';
	int32_t x = dexp - 1;
	if (x < 0) {
		e[ne++] = '-';
		x = -x;
	}
	if (x >= 100)
		e[ne++] = (uint8_t)('0' + x / 100);
	if (x >= 10)
		e[ne++] = (uint8_t)('0' + x / 10 % 10);
	e[ne++] = (uint8_t)('0' + x % 10);
	parts[np++] = (rt_fmt_part){ e, (int64_t)ne };
	rt_fmt_pad_parts(f, sign, parts, np);
}

static void render(const rt_fmt *f, const decoded *v)
{
	const char *sign = v->cls == F_NAN ? "" : v->neg ? "-"
	                   : (f->flags & TRT_FMT_FLAG_PLUS) ? "+" : "";
	bool exp_kind = f->kind == TRT_FMT_LOWER_EXP || f->kind == TRT_FMT_UPPER_EXP;
	bool upper = f->kind == TRT_FMT_UPPER_EXP;

	if (v->cls == F_NAN || v->cls == F_INF) {
		rt_fmt_part p = { lit(v->cls == F_NAN ? "NaN" : "inf"), 3 };
		rt_fmt_pad_parts(f, sign, &p, 1);
		return;
	}

	if (v->cls == F_ZERO) {
		rt_fmt_part parts[3];
		int np = 0;
		if (exp_kind) {
			/* 0e0, or 0.000e0 with a precision of 3 */
			parts[np++] = (rt_fmt_part){ lit("0"), 1 };
			if (f->precision > 0) {
				parts[np++] = (rt_fmt_part){ lit("."), 1 };
				parts[np++] = (rt_fmt_part){ NULL, f->precision };
			}
			rt_fmt_part e = { lit(upper ? "E0" : "e0"), 2 };
			parts[np++] = e;
		} else {
			/* 0, 0.0 ({:?}), 0.000 ({:.3}) */
			int64_t frac = f->precision >= 0 ? f->precision
			               : f->kind == TRT_FMT_DEBUG ? 1 : 0;
			parts[np++] = (rt_fmt_part){ lit("0"), 1 };
			if (frac > 0) {
				parts[np++] = (rt_fmt_part){ lit("."), 1 };
				parts[np++] = (rt_fmt_part){ NULL, frac };
			}
		}
		rt_fmt_pad_parts(f, sign, parts, np);
		return;
	}

	int32_t dexp;
	if (f->precision >= 0) {
		uint8_t d[RT_FMT_EXACT_MAX];
		if (exp_kind) {
			int64_t ndigits = f->precision + 1;
			size_t n = rt_fmt_exact(v->mant, v->exp2, false, ndigits, d, &dexp);
			exp_layout(f, sign, d, (int64_t)n, dexp, ndigits, upper);
		} else {
			size_t n = rt_fmt_exact(v->mant, v->exp2, true, f->precision, d, &dexp);
			if (n == 0) {
				/* Rounded to zero: 0.000 with the value's sign. */
				rt_fmt_part parts[3] = {
					{ lit("0"), 1 }, { lit("."), 1 }, { NULL, f->precision },
				};
				rt_fmt_pad_parts(f, sign, parts, f->precision > 0 ? 3 : 1);
			} else {
				dec_layout(f, sign, d, (int64_t)n, dexp, f->precision);
			}
		}
		return;
	}

	uint8_t d[RT_FMT_SHORTEST_MAX];
	int n = rt_fmt_shortest(v->mant, v->exp2, v->lower_closer, d, &dexp);
	if (exp_kind)
		exp_layout(f, sign, d, n, dexp, 0, upper);
	else if (f->kind == TRT_FMT_DEBUG && v->debug_exp)
		exp_layout(f, sign, d, n, dexp, 0, false);
	else
		dec_layout(f, sign, d, n, dexp, f->kind == TRT_FMT_DEBUG ? 1 : 0);
}

/* Splits an IEEE binary float with `mbits` fraction bits and exponent bias
 * `bias`; abs_bits is the value's bits without the sign. */
static void decode(decoded *v, bool neg, uint64_t abs_bits, int mbits, int32_t emax, int32_t bias)
{
	uint64_t frac = abs_bits & ((1ull << mbits) - 1);
	int32_t e = (int32_t)(abs_bits >> mbits);
	v->neg = neg;
	v->lower_closer = false;
	if (e == emax) {
		v->cls = frac != 0 ? F_NAN : F_INF;
		v->neg = neg && frac == 0;
	} else if (e == 0) {
		v->cls = frac != 0 ? F_FINITE : F_ZERO;
		v->mant = frac;
		v->exp2 = 1 - bias - mbits;
	} else {
		v->cls = F_FINITE;
		v->mant = frac | (1ull << mbits);
		v->exp2 = e - bias - mbits;
		v->lower_closer = frac == 0;
	}
}

void trt_fmt_f64(trt_sink *out, double x, const trt_fmt_spec *spec)
{
	rt_fmt f;
	rt_fmt_init(&f, out, spec, FLOAT_KINDS);
	/* Reading the bits through a union is defined behaviour in C11. */
	union { double d; uint64_t u; } pun = { .d = x };
	uint64_t abs = pun.u & ~(1ull << 63);
	decoded v;
	decode(&v, (pun.u >> 63) != 0, abs, 52, 0x7ff, 1023);
	/* 1e-4 and 1e16 as f64; for positive floats the bit patterns order
	 * like the values. */
	v.debug_exp = v.cls != F_ZERO &&
	              (abs < 0x3f1a36e2eb1c432dull || abs >= 0x4341c37937e08000ull);
	render(&f, &v);
}

void trt_fmt_f32(trt_sink *out, float x, const trt_fmt_spec *spec)
{
	rt_fmt f;
	rt_fmt_init(&f, out, spec, FLOAT_KINDS);
	union { float d; uint32_t u; } pun = { .d = x };
	uint32_t abs = pun.u & ~(1u << 31);
	decoded v;
	decode(&v, (pun.u >> 31) != 0, abs, 23, 0xff, 127);
	/* 1e-4f32 and 1e16f32 (both rounded to f32, as Rust compares). */
	v.debug_exp = v.cls != F_ZERO && (abs < 0x38d1b717u || abs >= 0x5a0e1bcau);
	render(&f, &v);
}
