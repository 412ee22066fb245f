/*
 * panic_abort — the abort strategy (`tcc build --panic=abort`): a message in
 * pieces (trt_panic_begin_abort, trt_write* to stream 2, trt_panic_end_abort)
 * is printed as it comes, after stdout, and the process dies of SIGABRT at
 * once (status 134), with a backtrace under T_BACKTRACE=1 (panic_abort.env).
 * The program has no landing pads; nothing unwinds.
 */
#include "trt.h"

#define NOINLINE __attribute__((noinline))

static volatile int sink;

NOINLINE void check(int64_t v) __asm__("_TN5abort5checkE");
NOINLINE void check(int64_t v)
{
	if (v > 2) {
		static const uint8_t file[] = "src/abort.t";
		trt_panic_begin_abort(file, sizeof file - 1, 4, 9);
		trt_write(2, (const uint8_t *)"too big: ", 9);
		trt_write_i64(2, v);
		trt_panic_end_abort();
	}
	sink++;
}

NOINLINE void main_(void) __asm__("_TN5abort4mainE");
NOINLINE void main_(void)
{
	for (int64_t i = 0; i < 5; i++)
		check(i);
	sink++;
}

int32_t t_entry(void)
{
	trt_write(1, (const uint8_t *)"before, still buffered", 22);
	main_();
	return 0;
}
