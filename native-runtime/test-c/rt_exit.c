/*
 * rt_exit.c — trt_exit: flushes stdout and ends with the given status.
 *
 * Built and run like rt_selftest.c (see there), with arguments `a bc`.
 * Expected:
 *   stdout      rt_exit.expected         (ends without a newline: only the
 *                                         flush in trt_exit can emit it)
 *   stderr      rt_exit.expected_stderr  (empty)
 *   exit status rt_exit.expected_status  (42)
 */
#include "trt.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

static void leave(void)
{
	trt_write(TRT_STDOUT, S("leaving through trt_exit"));
	trt_exit(42);
}

int32_t t_entry(void)
{
	leave();
	trt_write(TRT_STDOUT, S("unreachable\n"));
	return 0;
}
