/*
 * parse_decimal.c — the exact slow path of float parsing: a decimal number
 * of any length to the nearest binary float, ties to even.
 *
 * Model: the number is held as decimal digits, 0.d[0]d[1]...d[n-1] * 10^dp
 * with d[0] != 0, in a fixed buffer on the stack, and multiplied or divided
 * by powers of two (at most 2^60 at a time, so every intermediate fits a
 * uint64_t) while the exponent of two is counted:
 *
 *   1. scale into [1/2, 1), counting e2 so that value = digits * 2^e2;
 *   2. if 2^(e2-1) is below the smallest normal exponent, divide further,
 *      to the subnormal scale;
 *   3. multiply by 2^(mant_bits+1) and round the digits to an integer,
 *      ties to even: that is the significand.
 *
 * Multiplying and dividing decimal digits by 2^k is exact (division only
 * adds digits), so the only loss is the fixed capacity: digits past
 * DIGITS_CAP are dropped and remembered in `truncated` (they were not all
 * zero).  That keeps the result exact: every value exactly halfway between
 * two floats has at most 767 significant digits (for f64; 112 for f32), at
 * every scale the algorithm passes through, so with 800 kept digits the
 * dropped tail can only move the value strictly away from a halfway point
 * it would otherwise sit on, which `truncated` records.
 *
 * Invariants: no digit buffer grows past DIGITS_CAP; d[n-1] != 0 (trailing
 * zeros are trimmed after every step, so "more digits follow" means
 * "nonzero digits follow"); the value is never 0 here (the caller handles
 * zero).  Cost: O(DIGITS_CAP) per step, about 40 steps at most, plus one
 * pass over the input.
 */
#include "internal.h"
#include "parse_float.h"

#define DIGITS_CAP 800
#define MAX_SHIFT 60 /* 9 * 2^60 + carry < 2^64 and 10 * 2^60 < 2^64 */

struct decimal {
	int32_t n;      /* digits in use */
	int32_t dp;     /* value = 0.d[0]d[1]... * 10^dp */
	bool truncated; /* nonzero digits were dropped after d[n-1] */
	uint8_t d[DIGITS_CAP];
};

static void trim(struct decimal *x)
{
	while (x->n > 0 && x->d[x->n - 1] == 0)
		x->n--;
}

static void load(struct decimal *x, const struct parse_digits *src, int64_t first,
                 int32_t dp)
{
	int64_t total = src->int_n + src->frac_n;
	x->n = 0;
	x->dp = dp;
	x->truncated = false;
	for (int64_t i = first; i < total; i++) {
		uint32_t c = parse_digit_at(src, i);
		if (x->n < DIGITS_CAP) {
			x->d[x->n++] = (uint8_t)c;
		} else if (c != 0) {
			x->truncated = true;
			break;
		}
	}
	trim(x);
}

/* x /= 2^s, 1 <= s <= MAX_SHIFT: long division, digit by digit. */
static void divide_pow2(struct decimal *x, unsigned s)
{
	const uint64_t mask = ((uint64_t)1 << s) - 1;
	uint64_t acc = 0;
	int32_t r = 0, w = 0;

	/* Take digits (zeros past the end) until the partial dividend reaches
	 * 2^s: the first digit of the quotient then has the place value of
	 * digit r-1, which moves the decimal point by r-1. */
	while ((acc >> s) == 0) {
		acc = acc * 10 + (r < x->n ? x->d[r] : 0);
		r++;
	}
	x->dp -= r - 1;
	/* Quotient digits overwrite the dividend from the front; w < r always. */
	while (r < x->n) {
		x->d[w++] = (uint8_t)(acc >> s);
		acc = (acc & mask) * 10 + x->d[r++];
	}
	/* The remainder keeps producing digits (each division by 2 adds one). */
	while (acc != 0 && w < DIGITS_CAP) {
		x->d[w++] = (uint8_t)(acc >> s);
		acc = (acc & mask) * 10;
	}
	if (acc != 0)
		x->truncated = true;
	x->n = w;
	trim(x);
}

/* x *= 2^s, 1 <= s <= MAX_SHIFT: from the last digit up, with carry. */
static void multiply_pow2(struct decimal *x, unsigned s)
{
	/* The carry stays below 2^60, so at most 19 new leading digits. */
	uint8_t tmp[DIGITS_CAP + 20];
	int32_t w = DIGITS_CAP + 20;
	uint64_t carry = 0;

	for (int32_t i = x->n; i-- > 0;) {
		uint64_t a = ((uint64_t)x->d[i] << s) + carry;
		carry = a / 10;
		tmp[--w] = (uint8_t)(a - carry * 10);
	}
	while (carry != 0) {
		uint64_t c = carry / 10;
		tmp[--w] = (uint8_t)(carry - c * 10);
		carry = c;
	}
	int32_t produced = DIGITS_CAP + 20 - w;
	x->dp += produced - x->n;
	int32_t keep = produced < DIGITS_CAP ? produced : DIGITS_CAP;
	for (int32_t i = 0; i < keep; i++)
		x->d[i] = tmp[w + i];
	for (int32_t i = keep; i < produced; i++)
		if (tmp[w + i] != 0) {
			x->truncated = true;
			break;
		}
	x->n = keep;
	trim(x);
}

/* How far to shift a number below 10^k (k >= 1) without going past 1 in
 * the other direction: floor(k * 3.321) <= k * log2(10), at most 60. */
static unsigned step(int32_t k)
{
	return k >= 19 ? MAX_SHIFT : (unsigned)(k * 3321) / 1000;
}

/* x rounded to an integer, ties to even; x < 2^63 here. */
static uint64_t round_to_integer(const struct decimal *x)
{
	if (x->dp < 0)
		return 0; /* below 0.1 */
	uint64_t m = 0;
	for (int32_t i = 0; i < x->dp; i++)
		m = m * 10 + (i < x->n ? x->d[i] : 0);
	if (x->dp >= x->n)
		return m; /* an integer, or dropped digits far below 1/2 */
	uint8_t r = x->d[x->dp];
	bool up = r > 5 ||
	          (r == 5 && (x->dp + 1 < x->n || x->truncated || (m & 1) != 0));
	return m + up;
}

uint64_t rt_parse_decimal(const struct parse_fmt *f, const struct parse_digits *src,
                          int64_t first, int64_t dp)
{
	const uint64_t inf = (uint64_t)f->exp_inf << f->mant_bits;
	if (dp > f->dp_max)
		return inf;
	if (dp < f->dp_min)
		return 0;

	struct decimal x;
	load(&x, src, first, (int32_t)dp);

	/* 1. Into [1/2, 1): value = x * 2^e2. */
	int32_t e2 = 0;
	while (x.dp > 0) {
		unsigned s = step(x.dp);
		divide_pow2(&x, s);
		e2 += (int32_t)s;
	}
	while (x.dp < 0 || (x.dp == 0 && x.d[0] < 5)) {
		unsigned s = x.dp == 0 ? 1 : step(-x.dp);
		multiply_pow2(&x, s);
		e2 -= (int32_t)s;
	}

	/* value = (2x) * 2^(e2-1) with 2x in [1, 2): e is the binary exponent. */
	int32_t e = e2 - 1;
	const int32_t e_min = 1 - f->exp_bias;
	if (e > f->exp_bias)
		return inf;
	if (e < e_min) {
		/* 2. Subnormal: value < 2^(e+1), below half the smallest
		 * subnormal when the gap exceeds mant_bits + 2 (and MAX_SHIFT is
		 * more than that). */
		int32_t gap = e_min - e;
		if (gap > MAX_SHIFT)
			return 0;
		divide_pow2(&x, (unsigned)gap);
		e = e_min;
	}

	/* 3. value = m * 2^(e - mant_bits) with m = x * 2^(mant_bits + 1). */
	multiply_pow2(&x, (unsigned)f->mant_bits + 1);
	uint64_t m = round_to_integer(&x);
	const uint64_t hidden = (uint64_t)1 << f->mant_bits;
	if (m >= hidden << 1) {
		/* rounded up to the next power of two */
		m >>= 1;
		e++;
		if (e > f->exp_bias)
			return inf;
	}
	if (m < hidden)
		return m; /* subnormal: biased exponent 0 (only when e == e_min) */
	return ((uint64_t)(e + f->exp_bias) << f->mant_bits) | (m - hidden);
}
