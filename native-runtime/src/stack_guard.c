/*
 * stack_guard.c — guard pages below stacks, and telling a stack overflow
 * from other invalid accesses.
 *
 * Model: a stack overflow is a fault in the inaccessible region right below
 * a stack.  For stacks the runtime maps itself (task stacks, later) the
 * owner installs that region with rt_stack_guard_install and registers the
 * stack; the fault handler then needs no guessing.  The main thread's stack
 * is the kernel's: a mapping that grows down on demand until it is
 * RLIMIT_STACK long, with a gap of stack_guard_gap (256 pages by default)
 * kept free below it.  Its top is just above the executable's name, which
 * the kernel copies to the very top of the stack (AT_EXECFN), so its guard
 * region is [top - limit - gap, top - limit + a page).  A fault within 64 KiB
 * of the faulting stack pointer, on the main stack, is an overflow too:
 * that covers limits we cannot see (an emulator that sized the stack itself,
 * an unlimited RLIMIT_STACK).
 *
 * Guard installation: MADV_GUARD_INSTALL (Linux 6.13) marks page-table
 * entries so that access faults, without splitting the mapping into more
 * VMAs as mprotect does — with many task stacks that matters.  It is used
 * only when it demonstrably works: on a probe page we install a guard and
 * ask the kernel to read the page for us (a write(2) from it); a real guard
 * makes that fail.  qemu-user 7.2 answers 0 to the madvise and installs
 * nothing, so there we fall back to mprotect(PROT_NONE).
 *
 * Invariants:
 *   - rt_stack_overflowed is async-signal-safe (plain reads, one prlimit64
 *     the first time).
 *   - The registry is shared by all threads: a slot is claimed with a
 *     compare-and-swap and read with acquire loads, so a thread registering
 *     its stack never takes another's slot and the fault handler (any
 *     thread) sees a fully written descriptor.
 */
#include <stdatomic.h>

#include "internal.h"
#include "os.h"
#include "stack_guard.h"

#define AT_PAGESZ 6
#define AT_EXECFN 31
#define NEAR_SP   (64 * 1024)

static struct rt_stack main_stack = { .kind = "thread", .name = "main" };
static uintptr_t main_top;
static bool main_bounds_known;
static const struct rt_stack *_Atomic registry[RT_STACK_REGISTRY];
/* Decided on first use; threads that race to decide get the same answer. */
static _Atomic int mechanism = -1;

static uintptr_t page_size(void)
{
	uintptr_t p = rt_auxv_get(AT_PAGESZ);
	return p != 0 ? p : 4096;
}

void rt_stack_guard_init_main(uintptr_t initial_sp)
{
	uintptr_t top = initial_sp;
	uintptr_t name = rt_auxv_get(AT_EXECFN);
	if (name > top)
		top = name + rt_cstr_len((const char *)name) + 1;
	uintptr_t page = page_size();
	main_top = (top + page - 1) & ~(page - 1);
}

static void main_bounds(void)
{
	if (main_bounds_known || main_top == 0)
		return;
	uintptr_t page = page_size();
	size_t limit = os_stack_rlimit();
	if (limit == 0 || limit == SIZE_MAX || limit >= main_top)
		limit = 8u << 20; /* unknown: the usual default */
	limit &= ~(page - 1);
	uintptr_t gap = 256 * page;
	main_stack.hi = main_top;
	main_stack.lo = main_top - limit;
	main_stack.guard_hi = main_stack.lo + page;
	main_stack.guard_lo = main_stack.lo > gap ? main_stack.lo - gap : 0;
	main_bounds_known = true;
}

/* 0: not known yet; 1: unknown for good (never use); else the bottom. */
static _Thread_local uintptr_t current_lo;

void rt_stack_set_current(uintptr_t lo)
{
	current_lo = lo;
}

uintptr_t rt_stack_lo_here(void)
{
	if (__builtin_expect(current_lo == 0, 0)) {
		/* Not a runtime thread: the main thread, if the stack pointer is
		 * inside its stack; anything else is not ours to measure. */
		main_bounds();
		uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
		current_lo = main_bounds_known && sp > main_stack.lo && sp <= main_stack.hi
			? main_stack.lo : 1;
	}
	return current_lo == 1 ? 0 : current_lo;
}

static enum rt_guard_mechanism probe(void)
{
	uintptr_t page = page_size();
	void *p = os_map_anon(page);
	if (p == NULL)
		return RT_GUARD_MPROTECT;
	enum rt_guard_mechanism m = RT_GUARD_MPROTECT;
	/* The probe itself must work first (it needs a pipe: a process out of
	 * descriptors cannot tell, and then gets mprotect). */
	if (os_memory_readable(p, 1) && os_guard_install(p, page) &&
	    !os_memory_readable(p, 1))
		m = RT_GUARD_MADVISE;
	os_unmap(p, page);
	return m;
}

enum rt_guard_mechanism rt_stack_guard_mechanism(void)
{
	int m = atomic_load_explicit(&mechanism, memory_order_relaxed);
	if (m < 0) {
		m = (int)probe();
		atomic_store_explicit(&mechanism, m, memory_order_relaxed);
	}
	return (enum rt_guard_mechanism)m;
}

bool rt_stack_guard_install(void *base, size_t size)
{
	if (rt_stack_guard_mechanism() == RT_GUARD_MADVISE)
		return os_guard_install(base, size);
	return os_protect_none(base, size);
}

bool rt_stack_guard_remove(void *base, size_t size)
{
	if (rt_stack_guard_mechanism() == RT_GUARD_MADVISE)
		return os_guard_remove(base, size);
	return os_protect_read_write(base, size);
}

int rt_stack_register(const struct rt_stack *s)
{
	for (int i = 0; i < RT_STACK_REGISTRY; i++) {
		const struct rt_stack *expected = NULL;
		if (atomic_compare_exchange_strong_explicit(
			    &registry[i], &expected, s, memory_order_release,
			    memory_order_relaxed))
			return i;
	}
	return -1;
}

void rt_stack_unregister(int handle)
{
	if (handle >= 0 && handle < RT_STACK_REGISTRY)
		atomic_store_explicit(&registry[handle], NULL,
		                      memory_order_release);
}

const struct rt_stack *rt_stack_overflowed(uintptr_t addr, uintptr_t sp)
{
	for (int i = 0; i < RT_STACK_REGISTRY; i++) {
		const struct rt_stack *s =
			atomic_load_explicit(&registry[i], memory_order_acquire);
		if (s != NULL && addr >= s->guard_lo && addr < s->guard_hi)
			return s;
	}
	if (main_top == 0)
		return NULL;
	main_bounds();
	const struct rt_stack *m = &main_stack;
	if (addr >= m->guard_lo && addr < m->guard_hi)
		return m;
	bool sp_on_main = sp >= m->guard_lo && sp <= m->hi;
	if (sp_on_main && addr < m->hi && addr + NEAR_SP >= sp &&
	    addr < sp + NEAR_SP)
		return m;
	return NULL;
}
