/*
 * parse_float.h — what parse_float.c (syntax, fast paths) and
 * parse_decimal.c (the exact slow path) share.  Private to those two files;
 * nothing here is ABI.  (It would go in internal.h, but parsing keeps its
 * declarations next to its files.)
 */
#ifndef TRT_PARSE_FLOAT_H
#define TRT_PARSE_FLOAT_H

#include <stdbool.h>
#include <stdint.h>

/* A binary interchange format, described by the numbers the algorithms need.
 * A finite value is encoded as (biased exponent << mant_bits) | fraction. */
struct parse_fmt {
	int32_t mant_bits; /* explicit significand bits: 52 (f64), 23 (f32) */
	int32_t exp_bias;  /* 1023, 127; also the largest unbiased exponent */
	int32_t exp_inf;   /* biased exponent of inf and NaN: 0x7FF, 0xFF */
	/* Eisel-Lemire: w * 10^q with 1 <= w < 2^64 is 0 below q_min and inf
	 * above q_max; exact ties are possible only for q in [tie_q_min,
	 * tie_q_max]. */
	int32_t q_min, q_max;
	int32_t tie_q_min, tie_q_max;
	/* Slow path: 0.ddd * 10^dp (first digit nonzero) is 0 below dp_min and
	 * inf above dp_max. */
	int32_t dp_min, dp_max;
};

/* The digits of a decimal number as the syntax scan found them: int_n
 * integer digits at int_p, frac_n fraction digits at frac_p (ASCII '0'-'9').
 * Digit i of the whole significand is int_p[i] for i < int_n, else
 * frac_p[i - int_n]. */
struct parse_digits {
	const uint8_t *int_p;
	int64_t int_n;
	const uint8_t *frac_p;
	int64_t frac_n;
};

static inline uint32_t parse_digit_at(const struct parse_digits *d, int64_t i)
{
	return (uint32_t)(i < d->int_n ? d->int_p[i] : d->frac_p[i - d->int_n]) - '0';
}

/* parse_decimal.c: the encoding (sign bit clear) of the float of format `f`
 * nearest to the decimal 0.D * 10^dp, ties to even, where D is the digits of
 * `d` from index `first` on and digit `first` is not 0.  Exact for any
 * number of digits. */
uint64_t rt_parse_decimal(const struct parse_fmt *f, const struct parse_digits *d,
                          int64_t first, int64_t dp);

#endif /* TRT_PARSE_FLOAT_H */
