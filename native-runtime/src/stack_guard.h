/*
 * stack_guard.h — guard pages below stacks, and which stack a fault hit.
 *
 * Model: every stack the runtime runs code on has inaccessible memory right
 * below it, so running off its end faults instead of overwriting whatever
 * lies there.  The main thread's guard is the kernel's (the gap below the
 * growable stack mapping, RLIMIT_STACK deep); stacks the runtime maps itself
 * (task stacks, later) get guard pages from rt_stack_guard_install and are
 * described to the registry, so the SIGSEGV handler can tell a stack overflow
 * — "thread 'main' overflowed its stack", "task 'NAME' ..." — from any other
 * invalid access.
 */
#ifndef TRT_STACK_GUARD_H
#define TRT_STACK_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A stack, as the fault handler needs to know it.  The descriptor is owned
 * by whoever registers it and must outlive its registration. */
struct rt_stack {
	uintptr_t lo, hi;             /* usable stack [lo, hi) */
	uintptr_t guard_lo, guard_hi; /* its guard region [guard_lo, guard_hi) */
	const char *kind;             /* "thread" or "task" */
	const char *name;
};

/* Records the main thread's stack from the initial stack pointer and the
 * auxiliary vector.  No system call; the rest is computed on a fault. */
void rt_stack_guard_init_main(uintptr_t initial_sp);

enum rt_guard_mechanism {
	RT_GUARD_MADVISE,  /* MADV_GUARD_INSTALL: no extra VMA per stack */
	RT_GUARD_MPROTECT, /* PROT_NONE pages */
};
/* Which mechanism rt_stack_guard_install uses here: decided once, by
 * installing a guard on a probe page and checking that the kernel really
 * refuses to read it (qemu-user accepts MADV_GUARD_INSTALL and ignores it). */
enum rt_guard_mechanism rt_stack_guard_mechanism(void);

/* Makes [base, base+size) (page-aligned, part of a private anonymous
 * mapping) fault on any access.  True when done. */
bool rt_stack_guard_install(void *base, size_t size);
/* Undoes rt_stack_guard_install (before reusing the memory as stack). */
bool rt_stack_guard_remove(void *base, size_t size);

/* Registers a stack for fault classification; returns a handle >= 0, or -1
 * when the registry (RT_STACK_REGISTRY slots) is full. */
#define RT_STACK_REGISTRY 64
int rt_stack_register(const struct rt_stack *s);
void rt_stack_unregister(int handle);

/* The lowest usable address of the calling thread's stack, for code that
 * must not run off it (deep chains of drops, rc.c), or 0 when unknown (a
 * thread the runtime did not start).  The main thread's bounds come from
 * RLIMIT_STACK on first use (one system call); runtime threads record theirs
 * before running any other code (rt_stack_set_current). */
uintptr_t rt_stack_lo_here(void);
void rt_stack_set_current(uintptr_t lo);

/* The stack whose guard a fault at `addr` (with the faulting context's stack
 * pointer `sp`) hit, or NULL when it is not a stack overflow.  Async-signal
 * safe. */
const struct rt_stack *rt_stack_overflowed(uintptr_t addr, uintptr_t sp);

#endif /* TRT_STACK_GUARD_H */
