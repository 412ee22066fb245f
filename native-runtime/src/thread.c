/*
 * thread.c — raw OS threads for the runtime itself (per-thread caches now,
 * the scheduler's workers later).
 *
 * Model: one mapping holds everything a thread owns, low to high:
 *
 *     [guard][alternate signal stack][guard][stack ........][TLS area][rt_thread]
 *                                                          ^ initial sp
 *
 * The guards (GUARD bytes each, installed with rt_stack_guard_install: no
 * memory, and with MADV_GUARD_INSTALL no extra VMA) catch a stack overflow
 * and an overflow of the signal stack; the stack is registered with
 * stack_guard.c so that running off it is reported as "thread '<unnamed>'
 * overflowed its stack", like the main thread's.  The TLS area is built by
 * tls.c from PT_TLS, so `_Thread_local` in the new thread starts from the
 * initialization image.  The thread is started by os_thread_start (clone
 * with CLONE_SETTLS and CLONE_CHILD_CLEARTID); its first C function installs
 * its alternate signal stack (the kernel gives a new thread none, and the
 * fatal-signal handlers run on it), runs the body, and tells the allocator
 * the thread is going away.  rt_thread_join waits for the kernel to clear
 * the tid word — after that the thread never touches the mapping again — and
 * unmaps it.
 *
 * Invariants:
 *   - Every thread the runtime runs code on has its own alternate signal
 *     stack (signals.c) and TLS area (tls.c) before it runs any other code.
 *   - A thread's rt_thread lives in its own mapping: valid from spawn until
 *     join returns, and only the spawner (or whoever it hands the handle
 *     to) may join it, once.
 *   - Nothing here allocates with the runtime allocator (which needs this
 *     file to exist first, and whose leak check must not see runtime
 *     bookkeeping).
 */
#include "internal.h"
#include "os.h"
#include "stack_guard.h"

#define AT_PAGESZ     6
#define GUARD         (64 * 1024)
#define ALTSTACK      (64 * 1024)
#define DEFAULT_STACK (2 * 1024 * 1024)
#define MIN_STACK     (64 * 1024)

struct rt_thread {
	_Atomic int32_t tid; /* kernel thread id while it runs; 0 after exit */
	void (*fn)(void *);
	void *arg;
	uint8_t *map;
	size_t map_len;
	uint8_t *altstack;
	struct rt_stack stack;
	int stack_handle;
};

static size_t page_size(void)
{
	size_t p = rt_auxv_get(AT_PAGESZ);
	return p != 0 ? p : 4096;
}

static size_t round_up(size_t v, size_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* The first C frame of every runtime thread (called from
 * rt_arch_thread_entry). */
static void thread_main(void *p)
{
	struct rt_thread *t = p;
	(void)os_signal_altstack(t->altstack, ALTSTACK);
	rt_stack_set_current(t->stack.lo);
	t->fn(t->arg);
	rt_alloc_thread_exit();
}

struct rt_thread *rt_thread_spawn(void (*fn)(void *), void *arg,
                                  size_t stack_size)
{
	size_t page = page_size();
	size_t guard = round_up(GUARD, page);
	size_t alt = round_up(ALTSTACK, page);
	if (stack_size == 0)
		stack_size = DEFAULT_STACK;
	if (stack_size < MIN_STACK)
		stack_size = MIN_STACK;
	if (stack_size > ((size_t)1 << 40))
		return NULL;
	size_t stack = round_up(stack_size, page);
	size_t tls_area = round_up(rt_tls_area_size(), 16);
	size_t top = round_up(tls_area + sizeof(struct rt_thread), page);
	size_t len = guard + alt + guard + stack + top;

	uint8_t *map = os_map_anon(len);
	if (map == NULL)
		return NULL;
	uint8_t *alt_lo = map + guard;
	uint8_t *stack_lo = alt_lo + alt + guard;
	uint8_t *stack_hi = stack_lo + stack;
	if (!rt_stack_guard_install(map, guard) ||
	    !rt_stack_guard_install(alt_lo + alt, guard)) {
		os_unmap(map, len);
		return NULL;
	}

	struct rt_thread *t = (struct rt_thread *)(stack_hi + tls_area);
	t->fn = fn;
	t->arg = arg;
	t->map = map;
	t->map_len = len;
	t->altstack = alt_lo;
	t->stack.lo = (uintptr_t)stack_lo;
	t->stack.hi = (uintptr_t)stack_hi;
	t->stack.guard_lo = (uintptr_t)(alt_lo + alt);
	t->stack.guard_hi = (uintptr_t)stack_lo;
	t->stack.kind = "thread";
	t->stack.name = "<unnamed>";
	t->stack_handle = rt_stack_register(&t->stack);
	void *tp = rt_tls_area_init(stack_hi);

	if (!os_thread_start(thread_main, t, stack_hi, tp, &t->tid)) {
		rt_stack_unregister(t->stack_handle);
		os_unmap(map, len);
		return NULL;
	}
	return t;
}

void rt_thread_join(struct rt_thread *t)
{
	os_thread_join(&t->tid);
	rt_stack_unregister(t->stack_handle);
	os_unmap(t->map, t->map_len);
}
