/*
 * alloc_walk.c — enumerating the blocks that are allocated right now, for
 * the leak check at exit (leak.c) and for tests.
 *
 * Model: the registry (alloc_pool.c) has a bit for every segment and large
 * mapping; its bounds (rt_registry_lo..hi) keep the scan to the few words
 * the program's mappings occupy.  In a segment, the slices not in
 * `free_mask` are covered by spans, each starting at the slice its
 * `head_of` entry names; a span's blocks below `carved` are either handed
 * out or carry the free mark (rt_alloc_key ^ address: alloc_heap.c's
 * extend() marks blocks as it carves them, trt_free marks them as they come
 * back), so a block is live exactly when its mark is absent.  A large
 * mapping holds one block, live unless the mapping sits in the cache of
 * freed ones (kind SEG_LARGE_FREE).
 *
 * No per-block bookkeeping is added to the allocation paths for this: the
 * walk pays, once, at the end.
 *
 * Invariants: allocates nothing and calls nothing that may (it runs on the
 * exit path); holds the pool lock while reading segment headers, so slices
 * do not change hands under it.  Blocks of other threads' spans are read
 * without their owners' cooperation, which is exact only when those
 * threads are not allocating or freeing (at exit, the scheduler will have
 * stopped them).
 */
#include "trt.h"
#include "internal.h"
#include "alloc_internal.h"

static void walk_span(struct span *s, rt_alloc_walk_fn fn, void *ctx)
{
	uint32_t carved = atomic_load_explicit(&s->carved, memory_order_acquire);
	uint8_t *p = s->start;
	for (uint32_t i = 0; i < carved; i++, p += s->block_size) {
		const struct block *b = (const struct block *)p;
		if (b->mark != (rt_alloc_key ^ (uintptr_t)p))
			fn(p, s->block_size, ctx);
	}
}

static void walk_segment(struct segment *g, rt_alloc_walk_fn fn, void *ctx)
{
	unsigned at = 1; /* slice 0 is the header */
	while (at < SLICES) {
		if (g->free_mask & ((uint64_t)1 << at)) {
			at++;
			continue;
		}
		struct span *s = &g->spans[at];
		if (g->head_of[at] != at || s->nslices == 0 ||
		    atomic_load_explicit(&s->state, memory_order_relaxed) == SPAN_FREE) {
			/* Not the first slice of a span in use: cannot happen
			 * while the masks are consistent; step over it. */
			at++;
			continue;
		}
		walk_span(s, fn, ctx);
		at += s->nslices;
	}
}

void rt_alloc_walk_live(rt_alloc_walk_fn fn, void *ctx)
{
	_Atomic uint64_t *r = atomic_load_explicit(&rt_registry, memory_order_acquire);
	if (r == NULL)
		return; /* nothing was ever allocated */
	uintptr_t lo = atomic_load_explicit(&rt_registry_lo, memory_order_relaxed);
	uintptr_t hi = atomic_load_explicit(&rt_registry_hi, memory_order_relaxed);
	rt_pool_lock();
	for (uintptr_t w = lo / 64; w <= hi / 64; w++) {
		uint64_t bits = atomic_load_explicit(&r[w], memory_order_acquire);
		while (bits != 0) {
			unsigned b = (unsigned)__builtin_ctzll(bits);
			bits &= bits - 1;
			uintptr_t base = ((w * 64) + b) << SEG_SHIFT;
			struct seg_head *sh = (struct seg_head *)base;
			if (sh->magic != SEG_MAGIC)
				continue;
			if (sh->kind == SEG_SMALL) {
				walk_segment((struct segment *)sh, fn, ctx);
			} else if (sh->kind == SEG_LARGE) {
				struct large *l = (struct large *)sh;
				fn((uint8_t *)l + l->offset, l->map_len - l->offset, ctx);
			}
		}
	}
	rt_pool_unlock();
}
