/*
 * sig_segv — a write through a null pointer (unsafe code gone wrong):
 * "fatal signal SIGSEGV (invalid memory access) at address 0x0", a
 * backtrace from the faulting instruction (taken from the signal's
 * ucontext), then death by SIGSEGV itself (status 139 as a shell reports
 * it).  Buffered stdout is flushed first.
 */
#include "trt.h"

#define NOINLINE __attribute__((noinline))

static volatile int sink;
int *volatile target;  /* null; volatile so the compiler cannot see it */

NOINLINE void poke(int v) __asm__("_TN6unsafe4pokeE");
NOINLINE void poke(int v)
{
	*target = v;
	sink++;
}

NOINLINE void run(void) __asm__("_TN4main4mainE");
NOINLINE void run(void)
{
	poke(42);
	sink++;
}

int32_t t_entry(void)
{
	trt_write(1, (const uint8_t *)"before the fault\n", 17);
	run();
	return 0;
}
