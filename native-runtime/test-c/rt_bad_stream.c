/*
 * rt_bad_stream.c — a stream number other than 1 or 2 is a compiler bug:
 * the runtime flushes stdout, reports it on stderr and exits with 134.
 *
 * Built and run like rt_selftest.c (see there), with arguments `a bc`.
 * Expected:
 *   stdout      rt_bad_stream.expected
 *   stderr      rt_bad_stream.expected_stderr
 *   exit status rt_bad_stream.expected_status  (134)
 */
#include "trt.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

int32_t t_entry(void)
{
	trt_write(TRT_STDOUT, S("buffered before the bug\n"));
	trt_write(3, S("to a stream that does not exist\n"));
	trt_write(TRT_STDOUT, S("unreachable\n"));
	return 0;
}
