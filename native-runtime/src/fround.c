/*
 * fround.c — rounding to an integral value, and NaN-ignoring min/max.
 *
 * Model: T's `floor`, `ceil`, `trunc` and `round` become LLVM's llvm.floor/ceil/trunc/
 * round intrinsics.  AArch64 has an instruction for each (frintm/frintp/frintz/frinta);
 * baseline x86-64 (SSE2, no SSE4.1 `roundsd`) does not, so LLVM calls the C library's
 * floor/ceil/trunc/round there — and there is no C library, so they are here.  The same
 * goes for fmin/fmax, which LLVM may call for llvm.minnum/maxnum.
 *
 * trunc works on the representation: a double with unbiased exponent e has 52 - e
 * fraction bits, which are cleared.  floor, ceil and round adjust trunc's result by one
 * when the value had a fraction; that addition is exact because |x| < 2^52 there.
 *
 * Invariants: NaN and infinities come back as they are; the sign of zero is kept
 * (trunc(-0.5) is -0.0, ceil(-0.5) is -0.0, round(-0.4) is -0.0); round is half away
 * from zero (Rust's f64::round, C's round).
 */
#include <stdint.h>

#include "internal.h"

static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }
static double dfrom(uint64_t u) { double d; memcpy(&d, &u, sizeof d); return d; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, sizeof u); return u; }
static float ffrom(uint32_t u) { float f; memcpy(&f, &u, sizeof f); return f; }

double trunc(double x)
{
	uint64_t u = dbits(x);
	int e = (int)(u >> 52 & 0x7ff) - 1023;
	if (e >= 52)
		return x; /* integral already, or inf/NaN */
	if (e < 0)
		return dfrom(u & (1ULL << 63)); /* |x| < 1: a zero of x's sign */
	return dfrom(u & ~((1ULL << (52 - e)) - 1));
}

double floor(double x)
{
	double t = trunc(x);
	return (t != x && x < 0) ? t - 1.0 : t;
}

double ceil(double x)
{
	double t = trunc(x);
	if (t != x && x > 0)
		return t + 1.0;
	return t;
}

double round(double x)
{
	double t = trunc(x);
	double frac = x - t; /* exact: the fraction of a double is representable */
	if (frac >= 0.5)
		return t + 1.0;
	if (frac <= -0.5)
		return t - 1.0;
	return t;
}

float truncf(float x)
{
	uint32_t u = fbits(x);
	int e = (int)(u >> 23 & 0xff) - 127;
	if (e >= 23)
		return x;
	if (e < 0)
		return ffrom(u & (1U << 31));
	return ffrom(u & ~((1U << (23 - e)) - 1));
}

float floorf(float x)
{
	float t = truncf(x);
	return (t != x && x < 0) ? t - 1.0f : t;
}

float ceilf(float x)
{
	float t = truncf(x);
	return (t != x && x > 0) ? t + 1.0f : t;
}

float roundf(float x)
{
	float t = truncf(x);
	float frac = x - t;
	if (frac >= 0.5f)
		return t + 1.0f;
	if (frac <= -0.5f)
		return t - 1.0f;
	return t;
}

/* IEEE minNum/maxNum: a NaN operand is ignored unless both are NaN. */
double fmin(double x, double y)
{
	if (x != x)
		return y;
	if (y != y)
		return x;
	return x < y ? x : y;
}

double fmax(double x, double y)
{
	if (x != x)
		return y;
	if (y != y)
		return x;
	return x > y ? x : y;
}

float fminf(float x, float y)
{
	if (x != x)
		return y;
	if (y != y)
		return x;
	return x < y ? x : y;
}

float fmaxf(float x, float y)
{
	if (x != x)
		return y;
	if (y != y)
		return x;
	return x > y ? x : y;
}
