/*
 * unwind_nested_pieces — like unwind_nested, but the cleanup fails with a
 * panic whose message is built in pieces (trt_panic_begin, trt_write to
 * stream 2, trt_panic_end: captured, then raised), the path compiled code
 * uses for formatted messages: the unwinding panic's message comes first, then the
 * new one, then the abort.
 */
#include "trt.h"

#define NOINLINE __attribute__((noinline))

int32_t t_catch(void (*fn)(void));

static void say(const char *s)
{
	int64_t n = 0;
	while (s[n] != 0)
		n++;
	trt_write(1, (const uint8_t *)s, n);
}

void note(const char *s) { say(s); say("\n"); }
void report_caught(struct trt_panic_exception *p, int32_t who)
{
	(void)p;
	(void)who;
	say("caught (must not happen)\n");
}

_Noreturn void abort(void)
{
	say("abort called (must not happen)\n");
	trt_exit(99);
}

static void failing_cleanup(int *unused)
{
	(void)unused;
	static const uint8_t file[] = "src/drop.t";
	trt_panic_begin(file, sizeof file - 1, 8, 1);
	trt_write(2, (const uint8_t *)"count is ", 9);
	trt_write_i64(2, 42);
	trt_panic_end();
}

NOINLINE void work(void)
{
	__attribute__((cleanup(failing_cleanup))) int guard = 0;
	(void)guard;
	static const uint8_t msg[] = "first";
	static const uint8_t file[] = "src/work.t";
	trt_panic_raise(msg, sizeof msg - 1, file, sizeof file - 1, 1, 2);
}

int32_t t_entry(void)
{
	t_catch(work);
	say("not reached\n");
	return 0;
}
