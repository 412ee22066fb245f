/*
 * rt_selftest.c — exercises every returning entry point of include/trt.h.
 *
 * How it is run (the Java test harness does this for each target, x86-64
 * natively and AArch64 under qemu-aarch64-static; test-c/run-tests.sh does
 * the same by hand):
 *
 *   clang --target=<triple> <runtime flags> -Iinclude -Isrc -Iarch/<arch> \
 *         -c each src/NAME.c, arch/<arch>/start.S and this file
 *   ld.lld -static -e _start --gc-sections -o rt_selftest *.o
 *   ./rt_selftest a bc
 *
 * and compares
 *   stdout      with rt_selftest.expected        (byte for byte; it ends
 *                                                 without a newline)
 *   stderr      with rt_selftest.expected_stderr
 *   exit status with rt_selftest.expected_status (3)
 *
 * The noreturn entry points have tests of their own: trt_exit in rt_exit.c,
 * trt_panic in rt_panic.c, the internal-error path in rt_bad_stream.c.
 *
 * What it pins: decimal formatting at the edges (INT64_MIN, INT64_MAX, 0,
 * negatives), bools, writes with and without newlines, empty writes, the
 * arguments (argv[0] is only checked to be non-empty, since its value depends
 * on how the harness invokes the program), many small writes that overflow
 * the 8 KiB stdout buffer, one write larger than the buffer, stderr, and a
 * final write without a newline that must still reach stdout at exit.
 */
#include "trt.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

static void out(const uint8_t *s, int64_t n) { trt_write(TRT_STDOUT, s, n); }
static void num(int64_t v) { trt_write_i64(TRT_STDOUT, v); }
static void nl(void) { trt_write(TRT_STDOUT, S("\n")); }

static void labelled(const uint8_t *label, int64_t n, int64_t v)
{
	out(label, n);
	num(v);
	nl();
}

static void test_numbers(void)
{
	labelled(S("min: "), INT64_MIN);
	labelled(S("max: "), INT64_MAX);
	labelled(S("zero: "), 0);
	labelled(S("minus one: "), -1);
	labelled(S("min + 1: "), INT64_MIN + 1);
	labelled(S("nine: "), 9);
	labelled(S("ten: "), 10);
	labelled(S("negative: "), -1234567890);
	labelled(S("power: "), 1000000000000000000);
}

static void test_bools(void)
{
	out(S("bools: "));
	trt_write_bool(TRT_STDOUT, true);
	out(S(" "));
	trt_write_bool(TRT_STDOUT, false);
	nl();
}

static void test_strings(void)
{
	out(S("one line\n"));
	out(S("pieces: "));
	out(S("a"));
	out(S("b"));
	out((const uint8_t *)0, 0); /* empty write with no buffer at all */
	out(S(""));
	out(S("c"));
	nl();
	out(S("two\nlines in one write\n"));
	out(S("utf-8: h\xc3\xa9llo \xe2\x86\x92 \xf0\x9f\x99\x82\n"));
}

static void test_args(void)
{
	int64_t n = trt_arg_count();
	labelled(S("argc: "), n);
	out(S("arg 0 non-empty: "));
	trt_write_bool(TRT_STDOUT, n > 0 && trt_arg_len(0) > 0);
	nl();
	for (int64_t i = 1; i < n; i++) {
		out(S("arg "));
		num(i);
		out(S(": \""));
		out(trt_arg_ptr(i), trt_arg_len(i));
		out(S("\" len "));
		num(trt_arg_len(i));
		nl();
	}
}

static void test_stderr(void)
{
	out(S("before stderr\n"));
	trt_write(TRT_STDERR, S("stderr: plain line\n"));
	trt_write(TRT_STDERR, S("stderr: "));
	trt_write_i64(TRT_STDERR, -7);
	trt_write(TRT_STDERR, S(" "));
	trt_write_bool(TRT_STDERR, true);
	trt_write(TRT_STDERR, S("\n"));
	trt_flush(TRT_STDERR);
	out(S("after stderr\n"));
	trt_flush(TRT_STDOUT);
}

/* 1000 numbers in small writes: about 10 KiB, so the buffer fills and
 * flushes in the middle of a line at least once. */
static void test_many_small_writes(void)
{
	out(S("cubes:\n"));
	for (int64_t i = 0; i < 1000; i++) {
		num(i * i * i - 500000);
		if (i % 12 == 11 || i == 999)
			nl();
		else
			out(S(" "));
	}
}

/* One write of 84 lines of 100 bytes = 8400 bytes, more than the buffer,
 * issued while the buffer holds a partial line. */
static uint8_t big[8400];

static void test_big_write(void)
{
	for (int i = 0; i < 84; i++) {
		for (int j = 0; j < 99; j++)
			big[i * 100 + j] = (uint8_t)('A' + (i + j) % 26);
		big[i * 100 + 99] = '\n';
	}
	out(S("big: "));
	out(big, (int64_t)sizeof big);
	out(S("end of big\n"));
}

int32_t t_entry(void)
{
	out(S("T runtime self-test\n"));
	test_numbers();
	test_bools();
	test_strings();
	test_args();
	test_stderr();
	test_many_small_writes();
	test_big_write();
	out(S("bye, no newline"));
	return 3;
}
