/*
 * unwind_uncaught — trt_panic_raise with no handler anywhere: phase 1 finds
 * none, so the report is printed from the raise point with the stack intact
 * (the backtrace, T_BACKTRACE=1 in unwind_uncaught.env, shows every frame),
 * no cleanup runs (those printed ran on normal returns before the panic),
 * and the status is 101 as for trt_panic.
 */
#include "trt.h"

#define NOINLINE __attribute__((noinline))

static void say(const char *s)
{
	int64_t n = 0;
	while (s[n] != 0)
		n++;
	trt_write(1, (const uint8_t *)s, n);
}

_Noreturn void abort(void)
{
	say("abort called\n");
	trt_exit(99);
}

static void on_cleanup(const char **what)
{
	say("cleanup ");
	say(*what);
	say("\n");
}
#define CLEANUP(name) \
	__attribute__((cleanup(on_cleanup))) const char *cleanup_ = name

static volatile int sink;

NOINLINE void check(int v) __asm__("_TN3app5checkE");
NOINLINE void check(int v)
{
	CLEANUP("check");
	if (v > 2) {
		static const uint8_t msg[] = "value too large: 3";
		static const uint8_t file[] = "src/app.t";
		trt_panic_raise(msg, sizeof msg - 1, file, sizeof file - 1, 12, 5);
	}
	sink++;
}

NOINLINE void run(void) __asm__("_TN3app4mainE");
NOINLINE void run(void)
{
	CLEANUP("main");
	for (int i = 0; i < 5; i++)
		check(i);
	sink++;
}

int32_t t_entry(void)
{
	say("before the panic\n");
	run();
	say("not reached\n");
	return 0;
}
