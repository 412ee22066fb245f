/*
 * bt_names — backtraces name the frames, innermost first, with T names
 * demangled: trt_backtrace_capture + trt_backtrace_print,
 * trt_backtrace_symbol, and _Unwind_Backtrace walking the same frames.  The functions stand in for compiled T code; the
 * asm labels give them T's mangled names (docs/abi.md, "Name mangling").
 * noinline and the calls after the recursion keep every frame real.
 */
#include <stddef.h>
#include "trt.h"

#define NOINLINE __attribute__((noinline))

static void say(const char *s)
{
	int64_t n = 0;
	while (s[n] != 0)
		n++;
	trt_write(1, (const uint8_t *)s, n);
}

static volatile int sink;
static uintptr_t pcs[64];
static int32_t npcs;
static uintptr_t ips[64];
static int32_t nips;

static _Unwind_Reason_Code collect(struct _Unwind_Context *ctx, void *arg)
{
	(void)arg;
	if (nips < 64)
		ips[nips++] = _Unwind_GetIP(ctx);
	return _URC_NO_REASON;
}

NOINLINE void leaf(void) __asm__("_TN5hello4leafE");
NOINLINE void leaf(void)
{
	npcs = trt_backtrace_capture(pcs, 64);
	(void)_Unwind_Backtrace(collect, NULL);
	sink++;
}

NOINLINE void fib(int n) __asm__("_TN5hello3fibE");
NOINLINE void fib(int n)
{
	if (n <= 0)
		leaf();
	else
		fib(n - 1);
	sink++;
}

NOINLINE void run(void) __asm__("_TN5hello3app3runE");
NOINLINE void run(void)
{
	fib(2);
	sink++;
}

int32_t t_entry(void)
{
	run();
	trt_backtrace_print(trt_stream_sink(1), pcs, npcs);

	uint8_t buf[64];
	int64_t n = trt_backtrace_symbol(pcs[0], buf, sizeof buf);
	say("symbol of frame 0: ");
	trt_write(1, buf, n);
	n = trt_backtrace_symbol(pcs[4], buf, 4);
	say("\nlength of frame 4's name: ");
	trt_write_i64(1, n);
	say(", first 4 bytes: ");
	trt_write(1, buf, 4);
	say("\nsymbol of address 0: ");
	trt_write_i64(1, trt_backtrace_symbol(0, buf, sizeof buf));
	/* Both walks see the same frames; outside `leaf` the return addresses
	 * are the same (inside it the two calls differ). */
	bool agree = nips == npcs && npcs > 6;
	for (int32_t i = 1; agree && i < npcs; i++)
		agree = ips[i] - 1 == pcs[i];
	say(agree ? "\n_Unwind_Backtrace agrees\n" : "\n_Unwind_Backtrace disagrees\n");
	return 0;
}
