/*
 * auxv.c — the ELF auxiliary vector.
 *
 * Model: the kernel passes facts about the process after envp as
 * (type, value) word pairs ending with AT_NULL: the page size (AT_PAGESZ),
 * where the program headers are (AT_PHDR, needed to find PT_TLS for
 * thread-locals), CPU features (AT_HWCAP), 16 random bytes (AT_RANDOM), and
 * more.  We keep a pointer to it and search it on demand; it has a few dozen
 * entries and is read only during start-up.
 *
 * Invariant: rt_auxv_init runs once, in trt_start, before any lookup.
 */
#include "internal.h"

#define AT_NULL 0

static const uintptr_t *auxv_base;

void rt_auxv_init(const uintptr_t *auxv)
{
	auxv_base = auxv;
}

uintptr_t rt_auxv_get(uintptr_t type)
{
	for (const uintptr_t *p = auxv_base; p[0] != AT_NULL; p += 2) {
		if (p[0] == type)
			return p[1];
	}
	return 0;
}
