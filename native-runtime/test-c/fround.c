/*
 * fround.c — floor, ceil, trunc and round (and their f32 forms) against a table of
 * inputs and results computed independently (Python's math module, round half away
 * from zero), as bit patterns, so signed zeros count; plus fmin/fmax with NaN operands.
 *
 * Built and run like rt_selftest.c, with arguments `a bc`.
 * Expected: "fround ok" on stdout, nothing on stderr, status 0.
 */
#include "trt.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

double floor(double);
double ceil(double);
double trunc(double);
double round(double);
float floorf(float);
float ceilf(float);
float truncf(float);
float roundf(float);
double fmin(double, double);
double fmax(double, double);

static uint64_t b64(double d) { uint64_t u; __builtin_memcpy(&u, &d, 8); return u; }
static double d64(uint64_t u) { double d; __builtin_memcpy(&d, &u, 8); return d; }
static uint32_t b32(float f) { uint32_t u; __builtin_memcpy(&u, &f, 4); return u; }
static float f32(uint32_t u) { float f; __builtin_memcpy(&f, &u, 4); return f; }

/* input, floor, ceil, trunc, round */
static const uint64_t cases64[][5] = {
	{0x0000000000000000ULL, 0x0000000000000000ULL, 0x0000000000000000ULL, 0x0000000000000000ULL, 0x0000000000000000ULL},
	{0x8000000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL},
	{0x3fe0000000000000ULL, 0x0000000000000000ULL, 0x3ff0000000000000ULL, 0x0000000000000000ULL, 0x3ff0000000000000ULL},
	{0xbfe0000000000000ULL, 0xbff0000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL, 0xbff0000000000000ULL},
	{0x3fdfffffffffffffULL, 0x0000000000000000ULL, 0x3ff0000000000000ULL, 0x0000000000000000ULL, 0x0000000000000000ULL},
	{0xbfdfffffffffffffULL, 0xbff0000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL},
	{0x3ff8000000000000ULL, 0x3ff0000000000000ULL, 0x4000000000000000ULL, 0x3ff0000000000000ULL, 0x4000000000000000ULL},
	{0xbff8000000000000ULL, 0xc000000000000000ULL, 0xbff0000000000000ULL, 0xbff0000000000000ULL, 0xc000000000000000ULL},
	{0x4004000000000000ULL, 0x4000000000000000ULL, 0x4008000000000000ULL, 0x4000000000000000ULL, 0x4008000000000000ULL},
	{0xc004000000000000ULL, 0xc008000000000000ULL, 0xc000000000000000ULL, 0xc000000000000000ULL, 0xc008000000000000ULL},
	{0x400d99999999999aULL, 0x4008000000000000ULL, 0x4010000000000000ULL, 0x4008000000000000ULL, 0x4010000000000000ULL},
	{0xc00999999999999aULL, 0xc010000000000000ULL, 0xc008000000000000ULL, 0xc008000000000000ULL, 0xc008000000000000ULL},
	{0x01a56e1fc2f8f359ULL, 0x0000000000000000ULL, 0x3ff0000000000000ULL, 0x0000000000000000ULL, 0x0000000000000000ULL},
	{0x81a56e1fc2f8f359ULL, 0xbff0000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL},
	{0x0000000000000001ULL, 0x0000000000000000ULL, 0x3ff0000000000000ULL, 0x0000000000000000ULL, 0x0000000000000000ULL},
	{0x432fffffffffffffULL, 0x432ffffffffffffeULL, 0x4330000000000000ULL, 0x432ffffffffffffeULL, 0x4330000000000000ULL},
	{0xc32fffffffffffffULL, 0xc330000000000000ULL, 0xc32ffffffffffffeULL, 0xc32ffffffffffffeULL, 0xc330000000000000ULL},
	{0x4330000000000001ULL, 0x4330000000000001ULL, 0x4330000000000001ULL, 0x4330000000000001ULL, 0x4330000000000001ULL},
	{0x4340000000000000ULL, 0x4340000000000000ULL, 0x4340000000000000ULL, 0x4340000000000000ULL, 0x4340000000000000ULL},
	{0x7e37e43c8800759cULL, 0x7e37e43c8800759cULL, 0x7e37e43c8800759cULL, 0x7e37e43c8800759cULL, 0x7e37e43c8800759cULL},
	{0xfe37e43c8800759cULL, 0xfe37e43c8800759cULL, 0xfe37e43c8800759cULL, 0xfe37e43c8800759cULL, 0xfe37e43c8800759cULL},
	{0x7ff0000000000000ULL, 0x7ff0000000000000ULL, 0x7ff0000000000000ULL, 0x7ff0000000000000ULL, 0x7ff0000000000000ULL},
	{0xfff0000000000000ULL, 0xfff0000000000000ULL, 0xfff0000000000000ULL, 0xfff0000000000000ULL, 0xfff0000000000000ULL},
	{0x40fe240c9fbe76c9ULL, 0x40fe240000000000ULL, 0x40fe241000000000ULL, 0x40fe240000000000ULL, 0x40fe241000000000ULL},
	{0xbfefffffffffffffULL, 0xbff0000000000000ULL, 0x8000000000000000ULL, 0x8000000000000000ULL, 0xbff0000000000000ULL},
	{0x3fefffffffffffffULL, 0x0000000000000000ULL, 0x3ff0000000000000ULL, 0x0000000000000000ULL, 0x3ff0000000000000ULL},
};

static const uint32_t cases32[][5] = {
	{0x00000000U, 0x00000000U, 0x00000000U, 0x00000000U, 0x00000000U},
	{0x80000000U, 0x80000000U, 0x80000000U, 0x80000000U, 0x80000000U},
	{0x3f000000U, 0x00000000U, 0x3f800000U, 0x00000000U, 0x3f800000U},
	{0xbf000000U, 0xbf800000U, 0x80000000U, 0x80000000U, 0xbf800000U},
	{0x3fc00000U, 0x3f800000U, 0x40000000U, 0x3f800000U, 0x40000000U},
	{0xc0200000U, 0xc0400000U, 0xc0000000U, 0xc0000000U, 0xc0400000U},
	{0x406ccccdU, 0x40400000U, 0x40800000U, 0x40400000U, 0x40800000U},
	{0xc04ccccdU, 0xc0800000U, 0xc0400000U, 0xc0400000U, 0xc0400000U},
	{0x4affffffU, 0x4afffffeU, 0x4b000000U, 0x4afffffeU, 0x4b000000U},
	{0xcaffffffU, 0xcb000000U, 0xcafffffeU, 0xcafffffeU, 0xcb000000U},
	{0x4b800000U, 0x4b800000U, 0x4b800000U, 0x4b800000U, 0x4b800000U},
	{0x7149f2caU, 0x7149f2caU, 0x7149f2caU, 0x7149f2caU, 0x7149f2caU},
	{0x7f800000U, 0x7f800000U, 0x7f800000U, 0x7f800000U, 0x7f800000U},
	{0x3f7fffffU, 0x00000000U, 0x3f800000U, 0x00000000U, 0x3f800000U},
};

static int failures;

static void fail(const char *what, int64_t i)
{
	trt_write(TRT_STDOUT, S("FAIL "));
	trt_write(TRT_STDOUT, (const uint8_t *)what, 5);
	trt_write_i64(TRT_STDOUT, i);
	trt_write(TRT_STDOUT, S("\n"));
	failures++;
}

int32_t t_entry(void)
{
	for (int64_t i = 0; i < (int64_t)(sizeof cases64 / sizeof cases64[0]); i++) {
		double x = d64(cases64[i][0]);
		if (b64(floor(x)) != cases64[i][1]) fail("floor", i);
		if (b64(ceil(x)) != cases64[i][2]) fail("ceil ", i);
		if (b64(trunc(x)) != cases64[i][3]) fail("trunc", i);
		if (b64(round(x)) != cases64[i][4]) fail("round", i);
	}
	for (int64_t i = 0; i < (int64_t)(sizeof cases32 / sizeof cases32[0]); i++) {
		float x = f32(cases32[i][0]);
		if (b32(floorf(x)) != cases32[i][1]) fail("flrf ", i);
		if (b32(ceilf(x)) != cases32[i][2]) fail("ceilf", i);
		if (b32(truncf(x)) != cases32[i][3]) fail("trcf ", i);
		if (b32(roundf(x)) != cases32[i][4]) fail("rndf ", i);
	}
	double nan = d64(0x7ff8000000000000ULL);
	if (fmin(nan, 1.0) != 1.0 || fmin(2.0, nan) != 2.0 || fmax(nan, -1.0) != -1.0 || fmin(1.0, 2.0) != 1.0 || fmax(1.0, 2.0) != 2.0)
		fail("fmnmx", 0);
	double both = fmin(nan, nan);
	if (both == both)
		fail("fmnmx", 1);
	if (failures == 0)
		trt_write(TRT_STDOUT, S("fround ok\n"));
	return 0;
}
