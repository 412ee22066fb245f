/*
 * unwind_nested — a cleanup panics while a panic unwinds towards its
 * handler: both messages, then "fatal runtime error", then SIGABRT (status
 * 134 as a shell reports it).  The handler is a T catch (unwind_nested.ll);
 * the cleanups are C's (-fexceptions).  Output written before the abort
 * still reaches stdout.
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
	say("cleanup starts\n");
	static const uint8_t msg[] = "second, from a cleanup";
	static const uint8_t file[] = "src/drop.t";
	trt_panic_raise(msg, sizeof msg - 1, file, sizeof file - 1, 3, 4);
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
	say("start");
	t_catch(work);
	say("not reached\n");
	return 0;
}
