/*
 * start.c — from the kernel's initial stack to t_entry and back out.
 *
 * Model: _start (arch/<arch>/start.S) hands us the stack pointer the kernel
 * set up, which points at this block (System V ABI, both architectures):
 *
 *     sp -> argc
 *           argv[0] ... argv[argc-1], NULL
 *           envp[0] ... NULL
 *           auxv: (type, value) pairs ... (AT_NULL, 0)
 *           ... the strings themselves, higher up
 *
 * trt_start parses it, hands each part to the file that owns it, brings the
 * runtime up in dependency order, runs the program, checks for leaks when
 * T_LEAK_CHECK asks (leak.c) and exits through rt_exit, the single exit
 * path.
 *
 * Invariants:
 *   - Nothing in the runtime runs before trt_start; there are no
 *     constructors (.init_array is not run: keep it empty).
 *   - The initial stack block is never written; argv and envp strings are
 *     used in place for the life of the process.
 *   - Initialization order is os-independent state first (args, auxv), then
 *     the thread pointer (tls: nothing before it may touch a thread-local),
 *     then the subsystems that use them (io, stack guard, signals).  Later
 *     subsystems (scheduler) slot in before t_entry.
 */
#include "trt.h"
#include "internal.h"
#include "signals.h"
#include "stack_guard.h"

_Noreturn void trt_start(uintptr_t *initial_sp)
{
	int64_t argc = (int64_t)initial_sp[0];
	const uint8_t *const *argv = (const uint8_t *const *)(initial_sp + 1);
	const uint8_t *const *envp = argv + argc + 1;

	const uint8_t *const *e = envp;
	while (*e != NULL)
		e++;
	const uintptr_t *auxv = (const uintptr_t *)(e + 1);

	rt_args_init(argc, argv, envp);
	rt_auxv_init(auxv);
	rt_tls_init_main();
	rt_alloc_init();
	rt_io_init();
	rt_stack_guard_init_main((uintptr_t)initial_sp);
	rt_signals_init();

	/* Only a normal return is leak-checked: trt_exit and panics leave
	 * with values alive by design. */
	rt_exit(rt_leak_check(t_entry()));
}
