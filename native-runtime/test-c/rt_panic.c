/*
 * rt_panic.c — trt_panic: stdout first, then the panic line, status 101.
 *
 * Built and run like rt_selftest.c (see there), with arguments `a bc`.
 * Expected:
 *   stdout      rt_panic.expected         (includes a partial line that
 *                                          only a flush can have pushed out)
 *   stderr      rt_panic.expected_stderr  (the panic line)
 *   exit status rt_panic.expected_status  (101)
 * Run with 2>&1, the panic line must come after all of stdout.
 */
#include "trt.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

static void check_index(int64_t len, int64_t index)
{
	if (index >= len)
		trt_panic(S("index out of bounds: the len is 3 but the index is 7 (\xc3\xa9)"),
		          S("src/main.t"), 12, 5);
}

int32_t t_entry(void)
{
	trt_write(TRT_STDOUT, S("before the panic\n"));
	trt_write(TRT_STDOUT, S("partial line, still buffered"));
	check_index(3, 7);
	trt_write(TRT_STDOUT, S("unreachable\n"));
	return 0;
}
