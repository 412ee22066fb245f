/*
 * fmt_exact.c — exactly rounded decimal digits of a float ({:.N}, {:.Ne}).
 *
 * Model: a finite float is mant * 2^exp2 exactly, so its decimal expansion
 * is finite: an integer of at most 309 digits (exp2 >= 0), or an integer
 * part that fits 64 bits and a fraction F / 2^s with at most s <= 1074
 * digits (exp2 = -s < 0).  We generate the digits exactly with big-number
 * arithmetic, stop at the requested position, and round half to even using
 * the exact remainder — never a second rounding of already rounded digits.
 *
 *   - Integer part: exp2 >= 0: the big number mant << exp2 converted by
 *     repeated division by 10^9 (64/32-bit divisions only: no compiler-rt).
 *   - Fraction: multiply F by 10^k (k <= 9); the bits above s are the next k
 *     digits, the bits below stay in F.  When F reaches 0 every later digit
 *     is 0: the caller prints those as zeros without us storing them, which
 *     is why any precision works with a fixed buffer.
 *   - Leading zeros of a value below 1 are counted, not stored, and skipped
 *     nine at a time while a trial multiplication shows no non-zero digit.
 *   - Rounding: the remainder past the cut is compared with one half of the
 *     last kept place (F vs 2^(s-1), or the first dropped digit and whether
 *     anything after it is non-zero); a tie goes to the even digit, and a
 *     cut before any digit counts as even (0.5 -> 0, as Rust does).
 *
 * Invariants: everything lives on the stack: two big numbers of 40 32-bit
 * limbs (1280 bits >= 1074 + 30 + slack) and the caller's digit buffer of
 * RT_FMT_EXACT_MAX bytes, which bounds the stored digits of any double
 * (at most 767 significant digits past the leading zeros; 309 for
 * integers; see fmt_internal.h).
 */
#include "fmt_internal.h"
#include "internal.h"

#define LIMBS 40

typedef struct big {
	uint32_t d[LIMBS]; /* little-endian limbs */
	int n;             /* limbs in use; d[n-1] != 0 unless n == 0 */
} big;

static void big_trim(big *b)
{
	while (b->n > 0 && b->d[b->n - 1] == 0)
		b->n--;
}

static void big_set(big *b, uint64_t v)
{
	b->d[0] = (uint32_t)v;
	b->d[1] = (uint32_t)(v >> 32);
	b->n = 2;
	big_trim(b);
}

static void big_copy(big *dst, const big *src)
{
	for (int i = 0; i < src->n; i++)
		dst->d[i] = src->d[i];
	dst->n = src->n;
}

static void big_shl(big *b, int32_t bits)
{
	if (b->n == 0)
		return;
	int words = bits / 32, r = bits % 32;
	int n = b->n + words + 1;
	if (n > LIMBS)
		rt_bug("fmt_exact: number too large", bits);
	b->d[n - 1] = 0;
	for (int i = b->n - 1; i >= 0; i--) {
		uint64_t v = (uint64_t)b->d[i] << r;
		b->d[i + words + 1] |= (uint32_t)(v >> 32);
		b->d[i + words] = (uint32_t)v;
	}
	for (int i = 0; i < words; i++)
		b->d[i] = 0;
	b->n = n;
	big_trim(b);
}

static void big_mul_small(big *b, uint32_t m)
{
	uint64_t carry = 0;
	for (int i = 0; i < b->n; i++) {
		uint64_t v = (uint64_t)b->d[i] * m + carry;
		b->d[i] = (uint32_t)v;
		carry = v >> 32;
	}
	if (carry != 0) {
		if (b->n == LIMBS)
			rt_bug("fmt_exact: number too large", b->n);
		b->d[b->n++] = (uint32_t)carry;
	}
}

/* b /= div; returns the remainder. */
static uint32_t big_div_small(big *b, uint32_t div)
{
	uint64_t rem = 0;
	for (int i = b->n - 1; i >= 0; i--) {
		uint64_t v = (rem << 32) | b->d[i];
		b->d[i] = (uint32_t)(v / div);
		rem = v % div;
	}
	big_trim(b);
	return (uint32_t)rem;
}

/* The bits of b from bit s up (fewer than 32 of them, by the callers'
 * bounds). */
static uint32_t big_top(const big *b, int32_t s)
{
	int w = s / 32, r = s % 32;
	uint64_t v = 0;
	if (w < b->n)
		v = b->d[w];
	if (w + 1 < b->n)
		v |= (uint64_t)b->d[w + 1] << 32;
	return (uint32_t)(v >> r);
}

/* Keeps the bits of b below bit s and returns those from s up. */
static uint32_t big_split(big *b, int32_t s)
{
	uint32_t top = big_top(b, s);
	int w = s / 32, r = s % 32;
	if (w < b->n) {
		b->d[w] &= (uint32_t)((1ull << r) - 1);
		b->n = w + 1;
		big_trim(b);
	}
	return top;
}

/* Compares b (< 2^s, s >= 1) with 2^(s-1): -1, 0 or 1. */
static int big_cmp_half(const big *b, int32_t s)
{
	int32_t h = s - 1;
	int w = h / 32, r = h % 32;
	if (w >= b->n || ((b->d[w] >> r) & 1) == 0)
		return -1;
	if ((b->d[w] & (uint32_t)((1ull << r) - 1)) != 0)
		return 1;
	for (int i = 0; i < w; i++) {
		if (b->d[i] != 0)
			return 1;
	}
	return 0;
}

static const uint32_t pow10[10] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
};

/* Writes v as exactly k digits (leading zeros included). */
static void put_digits(uint8_t *out, uint32_t v, int k)
{
	for (int i = k - 1; i >= 0; i--) {
		out[i] = (uint8_t)('0' + v % 10);
		v /= 10;
	}
}

static size_t put_u64(uint8_t *out, uint64_t v)
{
	uint8_t tmp[20];
	size_t n = 0;
	while (v != 0) {
		tmp[n++] = (uint8_t)('0' + v % 10);
		v /= 10;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return n;
}

/* The integer mant << exp2 in decimal; returns the digit count. */
static size_t put_big_integer(uint8_t *out, uint64_t mant, int32_t exp2)
{
	big x;
	big_set(&x, mant);
	big_shl(&x, exp2);
	/* 2^1024 < 10^(9*35) */
	uint32_t groups[36];
	int ng = 0;
	while (x.n > 0)
		groups[ng++] = big_div_small(&x, pow10[9]);
	size_t n = put_u64(out, groups[ng - 1]);
	for (int i = ng - 2; i >= 0; i--) {
		put_digits(out + n, groups[i], 9);
		n += 9;
	}
	return n;
}

/* Adds one unit in the last place of digits[0..n); a carry out of the first
 * digit turns the number into 1 followed by zeros, one place higher. */
static size_t round_up(uint8_t *digits, size_t n, int32_t *dexp)
{
	for (size_t i = n; i > 0; i--) {
		if (digits[i - 1] != '9') {
			digits[i - 1]++;
			return n;
		}
		digits[i - 1] = '0';
	}
	/* All nines (or no digits at all): the trailing zeros are implicit. */
	digits[0] = '1';
	*dexp += 1;
	return 1;
}

/* Rounds digits[0..n) given how the rest compares with half a unit of the
 * last place (cmp < 0, == 0, > 0). */
static size_t round_half_even(uint8_t *digits, size_t n, int32_t *dexp, int cmp)
{
	bool odd = n > 0 && (digits[n - 1] & 1) != 0; /* '1' is 0x31 */
	if (cmp > 0 || (cmp == 0 && odd))
		return round_up(digits, n, dexp);
	return n;
}

size_t rt_fmt_exact(uint64_t mant, int32_t exp2, bool fixed, int64_t count,
                    uint8_t digits[RT_FMT_EXACT_MAX], int32_t *dexp)
{
	size_t n;       /* digits stored */
	big frac;       /* the fraction is frac / 2^s */
	int32_t s = 0;
	if (exp2 >= 0) {
		n = put_big_integer(digits, mant, exp2);
		frac.n = 0;
	} else {
		s = -exp2;
		uint64_t ip = s >= 64 ? 0 : mant >> s;
		big_set(&frac, s >= 64 ? mant : mant & ((1ull << s) - 1));
		n = put_u64(digits, ip);
	}
	*dexp = (int32_t)n;

	/* A significant-digit cut inside the integer digits. */
	if (!fixed && (uint64_t)count < n) {
		size_t keep = (size_t)count;
		int cmp = digits[keep] > '5' ? 1 : digits[keep] < '5' ? -1 : 0;
		for (size_t i = keep + 1; cmp == 0 && i < n; i++) {
			if (digits[i] != '0')
				cmp = 1;
		}
		if (cmp == 0 && frac.n != 0)
			cmp = 1;
		return round_half_even(digits, keep, dexp, cmp);
	}

	/* How many more digits to keep, counted from the decimal point (fixed)
	 * or from the first significant digit (not fixed). */
	int64_t want = fixed ? count : count - (int64_t)n;
	if (n == 0) {
		/* Below 1: count the leading zeros of the fraction, without
		 * passing the cut in fixed mode. */
		int64_t zeros = 0;
		int64_t limit = fixed ? count : INT64_MAX;
		big t;
		while (limit - zeros >= 9) {
			big_copy(&t, &frac);
			big_mul_small(&t, pow10[9]);
			if (big_top(&t, s) != 0)
				break;
			big_copy(&frac, &t);
			zeros += 9;
		}
		while (limit - zeros >= 1) {
			big_copy(&t, &frac);
			big_mul_small(&t, 10);
			if (big_top(&t, s) != 0)
				break;
			big_copy(&frac, &t);
			zeros += 1;
		}
		*dexp = (int32_t)-zeros;
		if (fixed)
			want -= zeros;
	}

	while (want > 0 && frac.n != 0) {
		int k = want < 9 ? (int)want : 9;
		if (n + (size_t)k > RT_FMT_EXACT_MAX)
			rt_bug("fmt_exact: digit buffer too small", (int64_t)n);
		big_mul_small(&frac, pow10[k]);
		put_digits(digits + n, big_split(&frac, s), k);
		n += (size_t)k;
		want -= k;
	}
	if (frac.n == 0)
		return n; /* exact: every later digit is 0 */
	return round_half_even(digits, n, dexp, big_cmp_half(&frac, s));
}
