/*
 * sig_overflow — unbounded recursion on the main thread runs into the
 * guard below the stack: "thread 'main' overflowed its stack", then SIGABRT
 * (status 134 as a shell reports it), never a silent segfault.  The handler
 * runs on the alternate signal stack.
 */
#include "trt.h"

#define NOINLINE __attribute__((noinline))

static volatile int keep_going = 1;

NOINLINE int64_t recurse(int64_t n) __asm__("_TN4deep7recurseE");
NOINLINE int64_t recurse(int64_t n)
{
	volatile uint8_t frame[200];
	frame[n % 200] = (uint8_t)n;
	if (!keep_going)
		return n;
	return recurse(n + 1) + frame[(n * 7) % 200];
}

int32_t t_entry(void)
{
	trt_write(1, (const uint8_t *)"recursing\n", 10);
	return (int32_t)recurse(0);
}
