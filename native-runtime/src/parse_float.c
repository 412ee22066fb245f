/*
 * parse_float.c — `str::parse::<f64>()` and `::<f32>()`: decimal strings to
 * correctly rounded binary floats.
 *
 * Model: three tiers, each exact where it answers, the first that can
 * answer wins.
 *
 *   0. Syntax.  One pass over the bytes splits them into sign, integer
 *      digits, fraction digits and explicit exponent (Rust's grammar; see
 *      include/trt_parse.h), or recognizes inf/infinity/nan.  The first 19
 *      significant digits become w (a uint64_t) and q is the decimal
 *      exponent of its last digit, so the value is w * 10^q, exactly when
 *      no nonzero digit follows ("exact"), else strictly between w * 10^q
 *      and (w + 1) * 10^q.
 *   1. Clinger's fast path.  If exact, w fits the significand (w <= 2^53,
 *      2^24 for f32) and 10^|q| is exactly representable (|q| <= 22, 10),
 *      one IEEE multiplication or division, itself correctly rounded, is
 *      the answer.  "Disguised" cases (q a little above 22 but w * 10^(q-22)
 *      still <= 2^53) are moved into range first.
 *   2. Eisel-Lemire.  w, normalized to 64 bits, times a 128-bit truncation
 *      of 5^q (parse_pow5.h) gives the leading bits of the value; the power
 *      of two comes from floor(q * log2 10).  When the bits that decide the
 *      rounding could be affected by the truncation, it declines.  When the
 *      digits were not exact it runs for w and for w + 1: if both round to
 *      the same float, so does everything between them.
 *   3. The exact slow path, parse_decimal.c: the decimal digits themselves
 *      are scaled by powers of two until the significand can be read off
 *      and rounded.  It is taken for near-halfway cases and long inputs
 *      whose 19-digit prefix cannot decide.
 *
 * Invariants: never reads p[len] or beyond; writes *out only on success;
 * needs the default IEEE environment (round to nearest, no traps), which
 * this runtime never changes; f32 is never rounded through a double.  The
 * explicit exponent is clamped at +-10^17 while it is read: beyond that
 * the value is 0 or inf for any string that fits in memory, so the result
 * stays exact (Rust clamps much earlier, see docs/runtime.md).
 */
#include "trt.h"
#include "internal.h"
#include "parse_float.h"
#include "parse_pow5.h"

static const struct parse_fmt fmt_f64 = {
	.mant_bits = 52, .exp_bias = 1023, .exp_inf = 0x7FF,
	.q_min = -342, .q_max = 308, .tie_q_min = -4, .tie_q_max = 23,
	.dp_min = -330, .dp_max = 310,
};

static const struct parse_fmt fmt_f32 = {
	.mant_bits = 23, .exp_bias = 127, .exp_inf = 0xFF,
	.q_min = -65, .q_max = 38, .tie_q_min = -17, .tie_q_max = 10,
	.dp_min = -50, .dp_max = 40,
};

/* ---- Tier 0: syntax ---------------------------------------------------------- */

#define EXP_CLAMP 100000000000000000 /* 10^17 */

enum kind { NUMBER, INF, NAN_ };

struct scanned {
	bool negative;
	enum kind kind;
	struct parse_digits d;
	int64_t exp; /* explicit exponent, |exp| < 10^18 + 10 */
};

static bool is_digit(uint8_t c) { return (uint32_t)c - '0' < 10; }

/* ASCII case-insensitive: does p[0..n) spell `word` (lowercase)? */
static bool spells(const uint8_t *p, int64_t n, const char *word, int64_t wn)
{
	if (n != wn)
		return false;
	for (int64_t i = 0; i < n; i++)
		if ((p[i] | 0x20) != (uint8_t)word[i])
			return false;
	return true;
}

static int32_t scan(const uint8_t *p, int64_t len, struct scanned *s)
{
	if (len < 0)
		rt_bug("trt_parse_f: negative length", len);
	if (len == 0)
		return TRT_PARSE_FLOAT_EMPTY;

	int64_t i = 0;
	s->negative = p[0] == '-';
	if (p[0] == '+' || p[0] == '-')
		i = 1;
	if (i == len)
		return TRT_PARSE_FLOAT_INVALID;

	int64_t body = i;
	while (i < len && is_digit(p[i]))
		i++;
	s->d.int_p = p + body;
	s->d.int_n = i - body;
	s->d.frac_p = p + i;
	s->d.frac_n = 0;
	if (i < len && p[i] == '.') {
		int64_t f = ++i;
		while (i < len && is_digit(p[i]))
			i++;
		s->d.frac_p = p + f;
		s->d.frac_n = i - f;
	}
	if (s->d.int_n + s->d.frac_n == 0) {
		/* No digits: only the words remain.  The bitwise '| 0x20' of
		 * spells() folds exactly A-Z onto a-z, and these words have
		 * letters only. */
		const uint8_t *w = p + body;
		int64_t wn = len - body;
		if (spells(w, wn, "inf", 3) || spells(w, wn, "infinity", 8)) {
			s->kind = INF;
			return TRT_PARSE_OK;
		}
		if (spells(w, wn, "nan", 3)) {
			s->kind = NAN_;
			return TRT_PARSE_OK;
		}
		return TRT_PARSE_FLOAT_INVALID;
	}

	s->kind = NUMBER;
	s->exp = 0;
	if (i < len && (p[i] | 0x20) == 'e') {
		i++;
		bool negative = false;
		if (i < len && (p[i] == '+' || p[i] == '-'))
			negative = p[i++] == '-';
		if (i == len || !is_digit(p[i]))
			return TRT_PARSE_FLOAT_INVALID; /* "1e", "1e+", "1ex" */
		int64_t e = 0;
		for (; i < len && is_digit(p[i]); i++)
			if (e < EXP_CLAMP)
				e = e * 10 + (p[i] - '0');
		s->exp = negative ? -e : e;
	}
	return i == len ? TRT_PARSE_OK : TRT_PARSE_FLOAT_INVALID;
}

/* The first (at most) 19 significant digits as w * 10^q. */
struct significand {
	uint64_t w;     /* 0 when every digit is 0 */
	int64_t q;
	bool inexact;   /* a nonzero digit follows the ones in w */
	int64_t first;  /* index of the first nonzero digit */
};

static void significand(const struct scanned *s, struct significand *g)
{
	const struct parse_digits *d = &s->d;
	int64_t n = d->int_n + d->frac_n, i = 0;

	while (i < n && parse_digit_at(d, i) == 0)
		i++;
	g->first = i;
	g->inexact = false;
	if (i == n) {
		g->w = 0;
		g->q = 0;
		return;
	}
	int64_t end = n - i > 19 ? i + 19 : n;
	uint64_t w = 0;
	for (; i < end; i++)
		w = w * 10 + parse_digit_at(d, i);
	g->w = w;
	/* digit i-1 has place value 10^(int_n - i) before the exponent */
	g->q = s->exp + d->int_n - i;
	for (; i < n; i++)
		if (parse_digit_at(d, i) != 0) {
			g->inexact = true;
			break;
		}
}

/* ---- Tier 1: Clinger's fast path ---------------------------------------------- */

static const double pow10_f64[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static const float pow10_f32[] = {
	1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f,
};

static const uint64_t pow10_u64[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000,
	10000000000000, 100000000000000, 1000000000000000,
};

/* Moves a "disguised" exponent q > max_q into range by folding 10^(q-max_q)
 * into w, if w stays <= max_w.  False when it does not fit. */
static bool undisguise(uint64_t *w, int64_t *q, int64_t max_q, uint64_t max_w)
{
	if (*q <= max_q)
		return true;
	uint64_t scale = pow10_u64[*q - max_q];
	if (*w > max_w / scale)
		return false;
	*w *= scale;
	*q = max_q;
	return true;
}

static bool fast_f64(const struct significand *g, double *v)
{
	uint64_t w = g->w;
	int64_t q = g->q;
	const uint64_t max_w = (uint64_t)1 << 53;
	if (g->inexact || w > max_w || q < -22 || q > 22 + 15)
		return false;
	if (!undisguise(&w, &q, 22, max_w))
		return false;
	double x = (double)(int64_t)w; /* exact: w <= 2^53 */
	*v = q < 0 ? x / pow10_f64[-q] : x * pow10_f64[q];
	return true;
}

static bool fast_f32(const struct significand *g, float *v)
{
	uint64_t w = g->w;
	int64_t q = g->q;
	const uint64_t max_w = (uint64_t)1 << 24;
	if (g->inexact || w > max_w || q < -10 || q > 10 + 7)
		return false;
	if (!undisguise(&w, &q, 10, max_w))
		return false;
	float x = (float)(int32_t)w; /* exact: w <= 2^24 */
	*v = q < 0 ? x / pow10_f32[-q] : x * pow10_f32[q];
	return true;
}

/* ---- Tier 2: Eisel-Lemire ------------------------------------------------------ */

/* A float as biased exponent and fraction bits; e < 0 means "undecided". */
struct bfp {
	uint64_t m;
	int32_t e;
};

static void mul_64x64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	/* clang lowers this to one widening multiply on both targets (no
	 * library call) */
	unsigned __int128 p = (unsigned __int128)a * b;
	*hi = (uint64_t)(p >> 64);
	*lo = (uint64_t)p;
}

/* The float nearest to w * 10^q (w != 0), or e = -1 when the 128-bit
 * approximation cannot decide the rounding. */
static struct bfp eisel_lemire(const struct parse_fmt *f, int64_t q, uint64_t w)
{
	const struct bfp zero = {0, 0}, inf = {0, f->exp_inf}, undecided = {0, -1};
	if (q < f->q_min)
		return zero;
	if (q > f->q_max)
		return inf;

	/* Normalize w so that bit 63 is set; the product of two normalized
	 * numbers has bit 127 or bit 126 of its top 128 bits set. */
	int lz = __builtin_clzll(w);
	w <<= lz;
	const uint64_t *t = parse_pow5[q - PARSE_POW5_Q_MIN];
	uint64_t hi, lo;
	mul_64x64(w, t[0], &hi, &lo);

	/* The result needs the top mant_bits + 3 bits of hi (a possible leading
	 * zero, the hidden bit, the fraction, the rounding bit).  If every bit
	 * below them is 1, a carry from the rest of the product could change
	 * them: add the high half of w * (low word of the power). */
	uint64_t below = UINT64_MAX >> (f->mant_bits + 3);
	if ((hi & below) == below) {
		uint64_t hi2, lo2;
		mul_64x64(w, t[1], &hi2, &lo2);
		lo += hi2;
		hi += lo < hi2;
	}
	/* Still all ones in lo: the neglected tail might carry into hi.  For
	 * 0 <= q <= 55 the power is exact (5^55 < 2^128), so hi:lo is the
	 * exact product's floor and hi is right; for -27 <= q < 0 the power is
	 * a close upper bound and the carry cannot change the outcome (the
	 * analysis in Lemire, "Number Parsing at a Gigabyte per Second",
	 * 2021).  Elsewhere, decline; the slow path decides. */
	if (lo == UINT64_MAX && (q < -27 || q > 55))
		return undecided;

	int upper = (int)(hi >> 63);
	int shift = upper + 64 - f->mant_bits - 3;
	uint64_t m = hi >> shift; /* mant_bits + 2 bits: hidden, fraction, round */
	/* (q * 217706) >> 16 is floor(q * log2 10) for |q| <= 342 (checked by
	 * the table generator); the arithmetic shift of a negative value is
	 * what clang does. */
	int32_t e = (int32_t)((q * 217706) >> 16) + 63 + upper - lz + f->exp_bias;

	if (e <= 0) {
		/* Subnormal (or rounding up to the smallest normal).  An exact tie
		 * is impossible this far down, so rounding half up is right. */
		if (1 - e >= 64)
			return zero;
		m >>= 1 - e;
		m += m & 1;
		m >>= 1;
		struct bfp r = {m, 0};
		if (m >= (uint64_t)1 << f->mant_bits) {
			r.e = 1;
			r.m = m & (((uint64_t)1 << f->mant_bits) - 1);
		}
		return r;
	}

	/* An exact tie (round bit 1, nothing below it, lsb even) rounds down.
	 * Exact ties need 5^|q| small (tie_q_min..tie_q_max), where the product
	 * is exact up to at most one unit of lo. */
	if (lo <= 1 && q >= f->tie_q_min && q <= f->tie_q_max && (m & 3) == 1 &&
	    (m << shift) == hi)
		m &= ~(uint64_t)1;
	m += m & 1;
	m >>= 1;
	if (m >= (uint64_t)2 << f->mant_bits) {
		/* rounding carried into a new bit: 1.000... at the next exponent */
		m = (uint64_t)1 << f->mant_bits;
		e++;
	}
	m &= ((uint64_t)1 << f->mant_bits) - 1;
	if (e >= f->exp_inf)
		return inf;
	struct bfp r = {m, e};
	return r;
}

/* ---- All tiers: the encoding of |value| ----------------------------------- */

static uint64_t number_bits(const struct parse_fmt *f, const struct scanned *s,
                            const struct significand *g)
{
	if (g->w == 0)
		return 0;
	struct bfp r = eisel_lemire(f, g->q, g->w);
	if (g->inexact && r.e >= 0) {
		/* w + 1 <= 10^19 still fits */
		struct bfp r1 = eisel_lemire(f, g->q, g->w + 1);
		if (r1.e != r.e || r1.m != r.m)
			r.e = -1;
	}
	if (r.e >= 0)
		return ((uint64_t)r.e << f->mant_bits) | r.m;
	/* The decimal point sits after digit int_n - 1; the first nonzero
	 * digit is `first`, so the value is 0.D * 10^(int_n - first + exp). */
	return rt_parse_decimal(f, &s->d, g->first, s->d.int_n - g->first + s->exp);
}

/* ---- Entry points ---------------------------------------------------------- */

union f64_bits {
	double f;
	uint64_t u;
};

union f32_bits {
	float f;
	uint32_t u;
};

int32_t trt_parse_f64(const uint8_t *p, int64_t len, double *out)
{
	struct scanned s;
	int32_t status = scan(p, len, &s);
	if (status != TRT_PARSE_OK)
		return status;

	union f64_bits v;
	if (s.kind == INF) {
		v.u = (uint64_t)0x7FF << 52;
	} else if (s.kind == NAN_) {
		v.u = (uint64_t)0x7FF8 << 48; /* the default quiet NaN */
	} else {
		struct significand g;
		significand(&s, &g);
		if (!fast_f64(&g, &v.f))
			v.u = number_bits(&fmt_f64, &s, &g);
	}
	if (s.negative)
		v.u |= (uint64_t)1 << 63;
	*out = v.f;
	return TRT_PARSE_OK;
}

int32_t trt_parse_f32(const uint8_t *p, int64_t len, float *out)
{
	struct scanned s;
	int32_t status = scan(p, len, &s);
	if (status != TRT_PARSE_OK)
		return status;

	union f32_bits v;
	if (s.kind == INF) {
		v.u = (uint32_t)0xFF << 23;
	} else if (s.kind == NAN_) {
		v.u = (uint32_t)0x7FC << 20; /* the default quiet NaN */
	} else {
		struct significand g;
		significand(&s, &g);
		if (!fast_f32(&g, &v.f))
			v.u = (uint32_t)number_bits(&fmt_f32, &s, &g);
	}
	if (s.negative)
		v.u |= (uint32_t)1 << 31;
	*out = v.f;
	return TRT_PARSE_OK;
}
