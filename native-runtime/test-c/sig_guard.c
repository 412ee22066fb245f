/*
 * sig_guard — the guard-page mechanism task stacks will use:
 *   - rt_stack_guard_install makes memory inaccessible, with
 *     MADV_GUARD_INSTALL where the kernel really honours it and
 *     mprotect(PROT_NONE) otherwise (qemu-user 7.2 accepts the madvise and
 *     does nothing): whichever was chosen, the kernel can no longer read the
 *     guard, and the choice agrees with an independent probe;
 *   - rt_stack_guard_remove gives the memory back;
 *   - a fault in the guard of a registered stack is reported as that stack's
 *     overflow ("task 'worker' overflowed its stack") and aborts (134).
 * Which mechanism was chosen depends on the kernel, so it is not printed.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"
#include "stack_guard.h"

static void say(const char *s)
{
	int64_t n = 0;
	while (s[n] != 0)
		n++;
	trt_write(1, (const uint8_t *)s, n);
}

static void yes_no(const char *what, bool v)
{
	say(what);
	say(v ? ": yes\n" : ": no\n");
}

static struct rt_stack worker = { .kind = "task", .name = "worker" };

int32_t t_entry(void)
{
	size_t page = (size_t)rt_auxv_get(6 /* AT_PAGESZ */);
	uint8_t *mem = os_map_anon(4 * page);
	yes_no("mapped", mem != NULL);
	mem[0] = 1;

	yes_no("guard installed", rt_stack_guard_install(mem, page));
	yes_no("guard readable by the kernel", os_memory_readable(mem, 1));
	yes_no("stack above it readable", os_memory_readable(mem + page, page));

	/* An independent probe: does MADV_GUARD_INSTALL really work here? */
	uint8_t *probe = os_map_anon(page);
	bool works = os_guard_install(probe, page) && !os_memory_readable(probe, 1);
	os_unmap(probe, page);
	yes_no("mechanism agrees with the kernel",
	       works == (rt_stack_guard_mechanism() == RT_GUARD_MADVISE));

	yes_no("guard removed", rt_stack_guard_remove(mem, page));
	yes_no("readable again", os_memory_readable(mem, page));
	mem[0] = 2;
	yes_no("reinstalled", rt_stack_guard_install(mem, page));

	worker.guard_lo = (uintptr_t)mem;
	worker.guard_hi = (uintptr_t)mem + page;
	worker.lo = (uintptr_t)mem + page;
	worker.hi = (uintptr_t)mem + 4 * page;
	yes_no("registered", rt_stack_register(&worker) >= 0);
	say("touching the guard\n");
	*(volatile uint8_t *)(mem + page - 64) = 3;
	say("not reached\n");
	return 0;
}
