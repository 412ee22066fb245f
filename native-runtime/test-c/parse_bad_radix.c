/*
 * parse_bad_radix.c — a radix outside [2, 36] breaks the compiler <-> runtime
 * contract of trt_parse_i64/_u64 (Rust panics there; the compiler must check
 * a radix it does not know statically): the runtime flushes stdout, reports
 * it on stderr and exits with 134.
 *
 * Built and run like rt_selftest.c (see there), with arguments `a bc`.
 * Expected:
 *   stdout      parse_bad_radix.expected
 *   stderr      parse_bad_radix.expected_stderr
 *   exit status parse_bad_radix.expected_status  (134)
 */
#include "trt.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

int32_t t_entry(void)
{
	int64_t v = 0;
	/* radix 36 is the largest allowed one: "z" is 35 */
	trt_parse_i64(S("z"), 36, INT64_MIN, INT64_MAX, &v);
	trt_write_i64(TRT_STDOUT, v);
	trt_write(TRT_STDOUT, S("\n"));
	uint64_t u = 0;
	trt_parse_u64(S("10"), 37, UINT64_MAX, &u);
	trt_write(TRT_STDOUT, S("unreachable\n"));
	return 0;
}
