/*
 * signals.c — fatal signals: stack overflow, invalid memory access, illegal
 * instructions, arithmetic faults; and abort.
 *
 * Model: the runtime installs one handler for SIGSEGV, SIGBUS, SIGILL,
 * SIGFPE and SIGTRAP, running on an alternate signal stack (a stack overflow leaves no
 * room on the normal one).  It
 *   - asks stack_guard.c whether a SIGSEGV/SIGBUS hit the guard below a
 *     stack; if so prints "thread 'main' overflowed its stack" (or the task's
 *     kind and name) and aborts: SIGABRT, status 134 in a shell;
 *   - otherwise prints "fatal signal SIGSEGV (invalid memory access) at
 *     address 0x...", a backtrace from the interrupted registers (the
 *     ucontext, decoded by arch/<arch>/unwind_arch.h), and dies of the same
 *     signal: default action restored, signal unblocked and sent again, so
 *     the parent sees exactly what it would have without us (status 128+N,
 *     a core dump where enabled).
 * Output written before the fault is flushed first (stdout is a plain buffer;
 * in the worst case a fault inside the copy into it loses the bytes of that
 * one write).
 *
 * Invariants:
 *   - Everything the handler calls is async-signal-safe in our sense: no
 *     locks, no allocation, only system calls and reads of runtime state.
 *   - The alternate stack is per thread.  The main thread's is static (no
 *     system call to map it at start-up); threads the runtime creates later
 *     must each install their own (an mmap'd one, with the thread's stack).
 *   - The handler never returns: a fault in it (say, the backtrace walking a
 *     corrupt stack) is delivered while the signal is blocked, and the kernel
 *     then kills the process with that signal, which is the outcome anyway.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"
#include "backtrace.h"
#include "signals.h"
#include "stack_guard.h"

#define ALTSTACK_SIZE (64 * 1024)

/* siginfo_t, the same on both targets: si_signo, si_errno, si_code, then
 * (for faults) si_addr at byte 16. */
#define SI_CODE_OFF 8
#define SI_ADDR_OFF 16

static uint8_t altstack[ALTSTACK_SIZE] __attribute__((aligned(16)));

static const struct {
	int sig;
	const char *name;
	const char *what;
} fatal[] = {
	{ OS_SIGSEGV, "SIGSEGV", "invalid memory access" },
	{ OS_SIGBUS, "SIGBUS", "bus error" },
	{ OS_SIGILL, "SIGILL", "illegal instruction" },
	{ OS_SIGFPE, "SIGFPE", "arithmetic exception" },
	/* llvm.trap is ud2 (SIGILL) on x86-64 but brk (SIGTRAP) on AArch64.
	 * A debugger sees its own breakpoints' SIGTRAP before any handler. */
	{ OS_SIGTRAP, "SIGTRAP", "trap instruction" },
};
#define NFATAL (sizeof fatal / sizeof fatal[0])

_Noreturn void rt_abort(void)
{
	rt_io_flush_all();
	os_signal_default(OS_SIGABRT);
	os_signal_unblock(OS_SIGABRT);
	os_signal_raise(OS_SIGABRT);
	rt_exit(TRT_BUG_STATUS); /* not reached */
}

static void on_fatal(int sig, void *info, void *uc)
{
	uintptr_t addr = *(const uintptr_t *)((const uint8_t *)info + SI_ADDR_OFF);
	int32_t code = *(const int32_t *)((const uint8_t *)info + SI_CODE_OFF);
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);

	/* Sent by kill/tgkill (si_code <= 0) there is no faulting address. */
	if ((sig == OS_SIGSEGV || sig == OS_SIGBUS) && code > 0) {
		const struct rt_stack *s =
			rt_stack_overflowed(addr, rt_unw_ucontext_sp(uc));
		if (s != NULL) {
			rt_report_cstr(&r, s->kind);
			rt_report_cstr(&r, " '");
			rt_report_cstr(&r, s->name);
			rt_report_cstr(&r, "' overflowed its stack\n");
			rt_report_flush(&r);
			rt_abort();
		}
	}

	const char *name = "signal", *what = "fatal signal";
	for (size_t i = 0; i < NFATAL; i++) {
		if (fatal[i].sig == sig) {
			name = fatal[i].name;
			what = fatal[i].what;
		}
	}
	rt_report_cstr(&r, "fatal signal ");
	rt_report_cstr(&r, name);
	rt_report_cstr(&r, " (");
	rt_report_cstr(&r, what);
	if (code > 0) {
		rt_report_cstr(&r, ") at address ");
		rt_report_hex(&r, addr);
	} else {
		rt_report_cstr(&r, ") sent by a process");
	}
	rt_report_cstr(&r, "\n");
	rt_report_flush(&r);

	uintptr_t slots[RT_UNW_NSLOTS];
	rt_unw_regs_from_ucontext(slots, uc);
	enum rt_bt_style style = rt_backtrace_style();
	rt_backtrace_report_from(slots, true,
	                         style == RT_BT_FULL ? RT_BT_FULL : RT_BT_SHORT);
	rt_io_flush_all();

	os_signal_default(sig);
	os_signal_raise(sig);
	os_signal_unblock(sig);
	rt_exit(128 + sig); /* not reached: the signal ends the process */
}

void rt_signals_init(void)
{
	(void)os_signal_altstack(altstack, sizeof altstack);
	for (size_t i = 0; i < NFATAL; i++)
		(void)os_signal_handle(fatal[i].sig, on_fatal);
}
