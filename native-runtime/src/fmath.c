/*
 * fmath.c — the floating-point library functions LLVM emits calls to.
 *
 * Model: T's `%` on floats is IEEE 754 remainder-with-truncation (C's fmod), which LLVM
 * lowers to a call to fmod / fmodf.  There is no libm, so they are here.  The result of
 * fmod is always exactly representable, so it is computed exactly: the magnitudes are
 * taken apart into integer significands and exponents, and x's significand is reduced
 * modulo y's by shift-and-subtract long division, one exponent step at a time.
 *
 * Invariants: no floating-point arithmetic except to produce NaN and signed zeros; the
 * sign of the result is the sign of x; fmod(x, 0), fmod(inf, y) and NaN operands give NaN;
 * fmod(x, inf) is x.
 */
#include <stdint.h>

#include "internal.h"

static uint64_t bits64(double d)
{
	uint64_t u;
	memcpy(&u, &d, sizeof u);
	return u;
}

static double from_bits64(uint64_t u)
{
	double d;
	memcpy(&d, &u, sizeof d);
	return d;
}

static uint32_t bits32(float f)
{
	uint32_t u;
	memcpy(&u, &f, sizeof u);
	return u;
}

static float from_bits32(uint32_t u)
{
	float f;
	memcpy(&f, &u, sizeof f);
	return f;
}

double fmod(double x, double y)
{
	uint64_t ux = bits64(x), uy = bits64(y);
	int ex = (int)(ux >> 52 & 0x7ff), ey = (int)(uy >> 52 & 0x7ff);
	uint64_t sign = ux & (1ULL << 63);

	if ((uy << 1) == 0 || ex == 0x7ff || (ey == 0x7ff && (uy << 12) != 0))
		return (x * y) / (x * y); /* NaN */
	if ((ux << 1) <= (uy << 1)) {
		if ((ux << 1) == (uy << 1))
			return 0 * x; /* a signed zero */
		return x;         /* |x| < |y| (y may be infinite) */
	}

	/* Integer significands with the implicit bit; subnormals normalized. */
	if (ex == 0) {
		for (uint64_t i = ux << 12; (i >> 63) == 0; i <<= 1)
			ex--;
		ux <<= 1 - ex;
	} else {
		ux = (ux & (~0ULL >> 12)) | 1ULL << 52;
	}
	if (ey == 0) {
		for (uint64_t i = uy << 12; (i >> 63) == 0; i <<= 1)
			ey--;
		uy <<= 1 - ey;
	} else {
		uy = (uy & (~0ULL >> 12)) | 1ULL << 52;
	}

	/* Long division: keep the remainder of ux modulo uy while lining up exponents. */
	for (; ex > ey; ex--) {
		if (ux >= uy) {
			ux -= uy;
			if (ux == 0)
				return 0 * x;
		}
		ux <<= 1;
	}
	if (ux >= uy) {
		ux -= uy;
		if (ux == 0)
			return 0 * x;
	}
	for (; (ux >> 52) == 0; ux <<= 1)
		ex--;

	/* Back to a double: normal, or subnormal when the exponent fell below 1. */
	if (ex > 0)
		ux = (ux - (1ULL << 52)) | (uint64_t)ex << 52;
	else
		ux >>= 1 - ex;
	return from_bits64(ux | sign);
}

float fmodf(float x, float y)
{
	uint32_t ux = bits32(x), uy = bits32(y);
	int ex = (int)(ux >> 23 & 0xff), ey = (int)(uy >> 23 & 0xff);
	uint32_t sign = ux & 0x80000000u;

	if ((uy << 1) == 0 || ex == 0xff || (ey == 0xff && (uy << 9) != 0))
		return (x * y) / (x * y);
	if ((ux << 1) <= (uy << 1)) {
		if ((ux << 1) == (uy << 1))
			return 0 * x;
		return x;
	}
	if (ex == 0) {
		for (uint32_t i = ux << 9; (i >> 31) == 0; i <<= 1)
			ex--;
		ux <<= 1 - ex;
	} else {
		ux = (ux & (~0u >> 9)) | 1u << 23;
	}
	if (ey == 0) {
		for (uint32_t i = uy << 9; (i >> 31) == 0; i <<= 1)
			ey--;
		uy <<= 1 - ey;
	} else {
		uy = (uy & (~0u >> 9)) | 1u << 23;
	}
	for (; ex > ey; ex--) {
		if (ux >= uy) {
			ux -= uy;
			if (ux == 0)
				return 0 * x;
		}
		ux <<= 1;
	}
	if (ux >= uy) {
		ux -= uy;
		if (ux == 0)
			return 0 * x;
	}
	for (; (ux >> 23) == 0; ux <<= 1)
		ex--;
	if (ex > 0)
		ux = (ux - (1u << 23)) | (uint32_t)ex << 23;
	else
		ux >>= 1 - ex;
	return from_bits32(ux | sign);
}
