/*
 * fmt_bad_spec.c — a spec the compiler should never emit (here: {:x} for a
 * string) is a broken contract: the runtime flushes stdout, reports it on
 * stderr and exits with status 134, like every compiler <-> runtime bug.
 *
 * Built and run like every test-c program (README.md).  Expected:
 *   stdout      fmt_bad_spec.expected
 *   stderr      fmt_bad_spec.expected_stderr
 *   exit status fmt_bad_spec.expected_status  (134)
 */
#include "trt.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

int32_t t_entry(void)
{
	trt_sink *out = trt_stream_sink(TRT_STDOUT);
	static const trt_fmt_spec hex = { ' ', -1, -1, TRT_FMT_LOWER_HEX, 0, 0, 0 };
	trt_fmt_u64(out, 255, &hex);
	trt_sink_write(out, S(" is fine for an integer\n"));
	trt_fmt_str(out, S("but not for a string"), &hex);
	trt_sink_write(out, S("unreachable\n"));
	return 0;
}
