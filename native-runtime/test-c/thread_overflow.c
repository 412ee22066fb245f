/*
 * thread_overflow — unbounded recursion on a thread started by
 * rt_thread_spawn runs into the guard below its stack.  The thread's own
 * alternate signal stack takes the SIGSEGV, the registered stack identifies
 * it: "thread '<unnamed>' overflowed its stack", then SIGABRT (status 134 as
 * a shell reports it).
 */
#include "trt.h"
#include "internal.h"

#define NOINLINE __attribute__((noinline))

static volatile int keep_going = 1;

NOINLINE static int64_t recurse(int64_t n)
{
	volatile uint8_t frame[200];
	frame[n % 200] = (uint8_t)n;
	if (!keep_going)
		return n;
	return recurse(n + 1) + frame[(n * 7) % 200];
}

static void body(void *arg)
{
	(void)arg;
	trt_write(1, (const uint8_t *)"recursing\n", 10);
	(void)recurse(0);
}

int32_t t_entry(void)
{
	struct rt_thread *t = rt_thread_spawn(body, NULL, 128 * 1024);
	rt_thread_join(t);
	trt_write(1, (const uint8_t *)"not reached\n", 12);
	return 0;
}
