/*
 * alloc_large.c — blocks above the largest size class (256 KiB): one
 * mapping each.
 *
 * Model: a large block is a mapping of its own, aligned to 4 MiB like a
 * segment (so trt_free finds its header by the same rounding and the same
 * registry bit), laid out as
 *
 *     [struct large ... padding][the block ......................]
 *     ^ base (4 MiB aligned)     ^ base + offset, offset = max(page, align)
 *
 * The block starts on a page boundary (or at the requested alignment, up to
 * 2 MiB), the header costs one page of address space and one resident page.
 * Freeing hands the mapping to alloc_large_cache.c, which keeps up to
 * 64 MiB of them for 50 ms for reuse by the next large allocations of a
 * similar size (no mmap, no page faults) and unmaps the rest (blocks above
 * 8 MiB at once).  Growing uses mremap:
 * first in place (when the address space after it is free), else by moving
 * the pages to a fresh aligned reservation (MREMAP_FIXED) — page tables
 * move, bytes are not copied, so growing a large vector by doubling costs
 * O(pages) kernel work per step, not a memcpy.  Shrinking gives the tail
 * back in place; shrinking far enough to fit a size class moves it there.
 *
 * Invariants: a large mapping is changed only by the thread freeing or
 * reallocating its block (which owns it); the registry bit is set before the
 * block is returned and cleared before the mapping goes away.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"
#include "alloc_internal.h"

static size_t round_up(size_t v, size_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static void count(int64_t allocs, int64_t frees, int64_t bytes)
{
	struct heap *h = rt_heap_get();
	if (allocs != 0)
		stat_add_u(&h->stats.allocs, (uint64_t)allocs);
	if (frees != 0)
		stat_add_u(&h->stats.frees, (uint64_t)frees);
	stat_add_i(&h->stats.live_bytes, bytes);
}

/* The mapping length for `size` bytes at `offset`, or 0 when it cannot
 * exist in the address space. */
static size_t map_len_for(uint64_t size, size_t offset)
{
	if (size > ((uint64_t)1 << VA_BITS))
		return 0;
	return round_up(offset + (size_t)size, rt_page_size());
}

void *rt_large_alloc(uint64_t size, size_t align, bool zeroed)
{
	size_t page = rt_page_size();
	size_t offset = align > page ? align : page;
	size_t len = map_len_for(size, offset);
	if (len == 0)
		rt_alloc_oom(size);
	struct large *c = rt_large_cache_take(len);
	if (c != NULL) {
		/* Resident already: no system call, no page faults.  The
		 * registry bit and mapped_bytes never changed. */
		c->offset = offset;
		c->head.kind = SEG_LARGE;
		count(1, 0, (int64_t)(c->map_len - offset));
		uint8_t *p = (uint8_t *)c + offset;
		if (zeroed)
			memset(p, 0, (size_t)size);
		return p;
	}
	uint8_t *base = rt_pool_map_aligned(len);
	if (base == NULL) {
		/* Give back what the cache holds, then try once more. */
		rt_large_cache_expire(UINT64_MAX);
		base = rt_pool_map_aligned(len);
	}
	if (base == NULL)
		rt_alloc_oom(size);
	struct large *l = (struct large *)base;
	l->head.magic = SEG_MAGIC;
	l->head.kind = SEG_LARGE;
	l->map_len = len;
	l->offset = offset;
	if (!rt_registry_add((uintptr_t)base)) {
		os_unmap(base, len);
		rt_alloc_oom(size);
	}
	atomic_fetch_add_explicit(&rt_mapped_bytes, len, memory_order_relaxed);
	count(1, 0, (int64_t)(len - offset));
	return base + offset;
}

static void check(struct large *l, const void *p, const char *who)
{
	bool start = (const uint8_t *)p == (const uint8_t *)l + l->offset;
	if (l->head.magic == SEG_MAGIC && l->head.kind == SEG_LARGE_FREE && start)
		rt_alloc_fatal(who, NULL, "double free of a large block");
	if (l->head.magic != SEG_MAGIC || l->head.kind != SEG_LARGE || !start)
		rt_alloc_fatal(who, p, "is not the start of a block");
}

size_t rt_large_usable(struct large *l, const void *p)
{
	check(l, p, "trt_alloc_usable_size");
	return l->map_len - l->offset;
}

void rt_large_free(struct large *l, void *p)
{
	check(l, p, "trt_free");
	size_t len = l->map_len;
	count(0, 1, -(int64_t)(len - l->offset));
	uint64_t now = os_monotonic_ns();
	if (rt_large_cache_put(l, now))
		return;
	rt_large_cache_expire(now);
	rt_registry_remove((uintptr_t)l);
	atomic_fetch_sub_explicit(&rt_mapped_bytes, len, memory_order_relaxed);
	os_unmap(l, len);
}

void *rt_large_realloc(struct large *l, void *p, uint64_t size)
{
	check(l, p, "trt_realloc");
	size_t page = rt_page_size();
	size_t old_len = l->map_len, offset = l->offset;
	size_t usable = old_len - offset;
	/* Small enough for a size class (with room to spare): move there, so
	 * the mapping and its header page go away. */
	if (size <= SMALL_MAX / 2 && offset == page) {
		void *q = trt_alloc(size);
		memcpy(q, p, (size_t)size);
		rt_large_free(l, p);
		return q;
	}
	size_t len = map_len_for(size, offset);
	if (len == 0)
		rt_alloc_oom(size);
	if (len == old_len)
		return p;
	int64_t delta = (int64_t)len - (int64_t)old_len;
	if (os_remap_in_place(l, old_len, len)) {
		l->map_len = len;
		atomic_fetch_add_explicit(&rt_mapped_bytes, (uint64_t)delta,
		                          memory_order_relaxed);
		count(0, 0, delta);
		return p;
	}
	if (len < old_len)
		return p; /* a shrink in place cannot fail; keep it as it is */
	uint8_t *dest = rt_pool_map_aligned(len);
	if (dest != NULL && rt_registry_add((uintptr_t)dest)) {
		if (os_remap_to(l, old_len, len, dest)) {
			/* The header moved with the first page. */
			rt_registry_remove((uintptr_t)l);
			struct large *m = (struct large *)dest;
			m->map_len = len;
			atomic_fetch_add_explicit(&rt_mapped_bytes, (uint64_t)delta,
			                          memory_order_relaxed);
			count(0, 0, delta);
			return dest + offset;
		}
		rt_registry_remove((uintptr_t)dest);
	}
	if (dest != NULL)
		os_unmap(dest, len);
	/* No mremap (or no address space for it): copy. */
	void *q = rt_large_alloc(size, offset > page ? offset : 0, false);
	memcpy(q, p, usable);
	rt_large_free(l, p);
	return q;
}
