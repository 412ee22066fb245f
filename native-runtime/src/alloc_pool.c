/*
 * alloc_pool.c — the page pool: segments from the OS, spans carved from
 * their slices, spans left by exited threads, giving memory back.
 *
 * Model: all threads share one pool behind one lock (lock.h); it is entered
 * once per span (64 KiB to 1 MiB of allocations), never per block.
 *
 *   - A segment is 4 MiB, aligned to 4 MiB (rt_pool_map_aligned), whose
 *     first 64 KiB slice holds its header; `free_mask` says which of the
 *     other 63 slices are free.  A span of class c takes n slices, n the
 *     smallest power of two up to 16 with room for 8 blocks (1 slice for
 *     classes up to 8 KiB, 16 slices — 4 blocks — for 256 KiB), aligned to
 *     n, so finding room is a mask test per candidate position.
 *   - Retired slices stay resident ("dirty") for PURGE_DELAY_NS, so a
 *     program that frees and allocates again reuses them without page
 *     faults; acquiring prefers dirty runs.  After the delay, or when more
 *     than DIRTY_MAX_SLICES are dirty, they are given back with
 *     MADV_DONTNEED (still mapped, no longer resident).  A segment whose
 *     slices have all been free that long is unmapped.  Purging happens
 *     during pool operations: there is no background thread, so a program
 *     that stops allocating keeps its dirty slices (at most DIRTY_MAX_SLICES
 *     worth, 8 MiB, plus what stayed under the delay).
 *   - Orphans: spans whose thread exited while blocks were still out.  A
 *     free into one (trt_free from any thread) is done here under the lock,
 *     so the span is retired as soon as its last block comes back; a heap
 *     that needs a span of the class adopts one first.
 *
 * Also here: the registry (one bit per 4 MiB of address space; the
 * registry's table is a MAP_NORESERVE mapping of 8 MiB whose untouched
 * pages cost nothing; the lowest and highest index ever set bound a walk of
 * it, alloc_walk.c) and aligned mappings.
 *
 * Invariants:
 *   - Under the lock: segment lists and masks, orphan lists, the dirty
 *     count, and every field of a span in the pool (FREE or ORPHAN).
 *   - A slice is free in free_mask iff no span covers it; dirty_mask is a
 *     subset of free_mask.
 *   - `head_of` is written when a span is made; a stale entry in a free
 *     slice is harmless (checked_span in alloc.c rejects pointers into
 *     free slices by the span's state and carve count).
 */
#include "trt.h"
#include "internal.h"
#include "os.h"
#include "alloc_internal.h"

#define AT_PAGESZ         6
#define PURGE_DELAY_NS    ((uint64_t)50 * 1000 * 1000)
#define DIRTY_MAX_SLICES  128
#define ALL_SLICES        (~(uint64_t)1) /* every slice but the header */
#define REGISTRY_BYTES    (((size_t)1 << (VA_BITS - SEG_SHIFT)) / 8)

_Atomic uint64_t rt_mapped_bytes;
_Atomic uint64_t *_Atomic rt_registry;
_Atomic uintptr_t rt_registry_lo, rt_registry_hi;

static struct {
	struct rt_mutex lock;
	struct segment *avail;  /* segments with free slices */
	struct segment *full;   /* segments without */
	struct span *orphans[NCLASSES];
	size_t dirty;           /* dirty slices, all segments */
	uint64_t next_purge_ns;
} pool;
static _Atomic uint32_t orphan_count;
static _Atomic uintptr_t map_hint;

size_t rt_page_size(void)
{
	static _Atomic size_t page;
	size_t p = atomic_load_explicit(&page, memory_order_relaxed);
	if (p == 0) {
		p = rt_auxv_get(AT_PAGESZ);
		if (p == 0)
			p = 4096;
		atomic_store_explicit(&page, p, memory_order_relaxed);
	}
	return p;
}

/* ---- Aligned mappings and the registry ---- */

static uintptr_t round_up(uintptr_t v, uintptr_t a)
{
	return (v + a - 1) & ~(a - 1);
}

void *rt_pool_map_aligned(size_t len)
{
	/* The kernel places mappings top-down; asking for the aligned spot
	 * just below the previous one usually gets it in one system call. */
	uintptr_t span = round_up(len, SEG_SIZE);
	uintptr_t hint = atomic_load_explicit(&map_hint, memory_order_relaxed);
	if (hint > span) {
		void *want = (void *)(hint - span);
		uint8_t *p = os_map_anon_hint(want, len);
		if (p == want) {
			atomic_store_explicit(&map_hint, (uintptr_t)p, memory_order_relaxed);
			return p;
		}
		if (p != NULL)
			os_unmap(p, len);
	}
	/* Map SEG_SIZE more than needed and cut off both ends. */
	if (len > SIZE_MAX - SEG_SIZE)
		return NULL;
	uint8_t *raw = os_map_anon(len + SEG_SIZE);
	if (raw == NULL)
		return NULL;
	uint8_t *p = (uint8_t *)round_up((uintptr_t)raw, SEG_SIZE);
	if (p > raw)
		os_unmap(raw, (size_t)(p - raw));
	size_t tail = (size_t)(raw + len + SEG_SIZE - (p + len));
	if (tail > 0)
		os_unmap(p + len, tail);
	atomic_store_explicit(&map_hint, (uintptr_t)p, memory_order_relaxed);
	return p;
}

static _Atomic uint64_t *registry_table(void)
{
	_Atomic uint64_t *r = atomic_load_explicit(&rt_registry, memory_order_acquire);
	if (r != NULL)
		return r;
	_Atomic uint64_t *fresh = os_reserve(REGISTRY_BYTES);
	if (fresh == NULL)
		return NULL;
	if (!atomic_compare_exchange_strong_explicit(&rt_registry, &r, fresh,
	                                             memory_order_acq_rel,
	                                             memory_order_acquire)) {
		os_unmap((void *)fresh, REGISTRY_BYTES);
		return r;
	}
	return fresh;
}

bool rt_registry_add(uintptr_t seg)
{
	if ((seg >> VA_BITS) != 0)
		return false;
	_Atomic uint64_t *r = registry_table();
	if (r == NULL)
		return false;
	uintptr_t i = seg >> SEG_SHIFT;
	/* Widen the bounds first, so a walk that sees the bit also covers it. */
	uintptr_t lo = atomic_load_explicit(&rt_registry_lo, memory_order_relaxed);
	while ((lo == 0 || i < lo) &&
	       !atomic_compare_exchange_weak_explicit(&rt_registry_lo, &lo, i,
	                                              memory_order_relaxed,
	                                              memory_order_relaxed))
		;
	uintptr_t hi = atomic_load_explicit(&rt_registry_hi, memory_order_relaxed);
	while (i > hi &&
	       !atomic_compare_exchange_weak_explicit(&rt_registry_hi, &hi, i,
	                                              memory_order_relaxed,
	                                              memory_order_relaxed))
		;
	atomic_fetch_or_explicit(&r[i / 64], (uint64_t)1 << (i % 64),
	                         memory_order_release);
	return true;
}

void rt_registry_remove(uintptr_t seg)
{
	_Atomic uint64_t *r = atomic_load_explicit(&rt_registry, memory_order_acquire);
	uintptr_t i = seg >> SEG_SHIFT;
	atomic_fetch_and_explicit(&r[i / 64], ~((uint64_t)1 << (i % 64)),
	                          memory_order_release);
}

/* ---- Segments ---- */

static void seg_list_remove(struct segment **list, struct segment *g)
{
	if (g->prev != NULL)
		g->prev->next = g->next;
	else
		*list = g->next;
	if (g->next != NULL)
		g->next->prev = g->prev;
	g->next = g->prev = NULL;
}

static void seg_list_push(struct segment **list, struct segment *g)
{
	g->prev = NULL;
	g->next = *list;
	if (g->next != NULL)
		g->next->prev = g;
	*list = g;
}

static struct segment *segment_new(void)
{
	struct segment *g = rt_pool_map_aligned(SEG_SIZE);
	if (g == NULL)
		return NULL;
	if (!rt_registry_add((uintptr_t)g)) {
		os_unmap(g, SEG_SIZE);
		return NULL;
	}
	atomic_fetch_add_explicit(&rt_mapped_bytes, SEG_SIZE, memory_order_relaxed);
	/* The mapping is zero-filled: every span is SPAN_FREE, every head_of
	 * 0 (the header slice, whose span is never in use). */
	g->head.magic = SEG_MAGIC;
	g->head.kind = SEG_SMALL;
	g->free_mask = ALL_SLICES;
	g->dirty_mask = 0;
	seg_list_push(&pool.avail, g);
	return g;
}

static void segment_release(struct segment *g)
{
	seg_list_remove(&pool.avail, g);
	rt_registry_remove((uintptr_t)g);
	os_unmap(g, SEG_SIZE);
	atomic_fetch_sub_explicit(&rt_mapped_bytes, SEG_SIZE, memory_order_relaxed);
}

static uint64_t run_mask(unsigned n, unsigned at)
{
	return (n == 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1)) << at;
}

/* The first aligned run of n free slices, preferring a dirty one (its
 * pages are likely resident: no page faults), or -1. */
static int find_run(const struct segment *g, unsigned n)
{
	int any = -1;
	for (unsigned at = n; at + n <= SLICES; at += n) {
		uint64_t m = run_mask(n, at);
		if ((g->free_mask & m) != m)
			continue;
		if ((g->dirty_mask & m) == m)
			return (int)at;
		if (any < 0)
			any = (int)at;
	}
	return any;
}

static unsigned span_slices(unsigned cls)
{
	size_t want = 8 * class_size(cls);
	unsigned n = 1;
	while (n < MAX_SPAN_SLICES && (size_t)n * SLICE_SIZE < want)
		n *= 2;
	return n;
}

/* ---- Purging ---- */

static void purge(uint64_t now)
{
	if (pool.dirty == 0)
		return;
	bool over = pool.dirty > DIRTY_MAX_SLICES;
	if (!over && now < pool.next_purge_ns)
		return;
	pool.next_purge_ns = now + PURGE_DELAY_NS / 2;
	for (int pass = 0; pass < 2; pass++) {
		/* Pass 0 gives back what has been dirty for the whole delay;
		 * pass 1, only when still over the cap, everything. */
		if (pass == 1 && pool.dirty <= DIRTY_MAX_SLICES)
			break;
		struct segment *next;
		for (struct segment *g = pool.avail; g != NULL; g = next) {
			next = g->next;
			unsigned i = 1;
			while (i < SLICES) {
				uint64_t bit = (uint64_t)1 << i;
				bool old = pass == 1 ||
					g->spans[i].retired_ns + PURGE_DELAY_NS <= now;
				if (!(g->dirty_mask & bit) || !old) {
					i++;
					continue;
				}
				unsigned j = i;
				while (j < SLICES && (g->dirty_mask & ((uint64_t)1 << j)) &&
				       (pass == 1 ||
				        g->spans[j].retired_ns + PURGE_DELAY_NS <= now))
					j++;
				(void)os_decommit((uint8_t *)g + (size_t)i * SLICE_SIZE,
				                  (size_t)(j - i) * SLICE_SIZE);
				g->dirty_mask &= ~run_mask(j - i, i);
				pool.dirty -= j - i;
				i = j;
			}
			/* Wholly free and purged: it has been idle for the
			 * delay (or the cap forced it); give it back. */
			if (g->free_mask == ALL_SLICES && g->dirty_mask == 0 &&
			    pass == 0)
				segment_release(g);
		}
	}
}

/* ---- Spans ---- */

static void retire_locked(struct span *s, uint64_t now)
{
	struct segment *g = (struct segment *)seg_of(s->start);
	unsigned at = (unsigned)(s - g->spans);
	unsigned n = s->nslices;
	uint64_t m = run_mask(n, at);
	atomic_store_explicit(&s->state, SPAN_FREE, memory_order_relaxed);
	atomic_store_explicit(&s->heap, NULL, memory_order_relaxed);
	s->free = NULL;
	s->next = s->prev = NULL;
	if (g->free_mask == 0) {
		seg_list_remove(&pool.full, g);
		seg_list_push(&pool.avail, g);
	}
	g->free_mask |= m;
	g->dirty_mask |= m;
	pool.dirty += n;
	for (unsigned i = at; i < at + n; i++)
		g->spans[i].retired_ns = now;
}

struct span *rt_pool_acquire(struct heap *h, unsigned cls)
{
	unsigned n = span_slices(cls);
	uint64_t now = os_monotonic_ns();
	rt_mutex_lock(&pool.lock);
	purge(now);
	struct segment *g;
	int at = -1;
	for (g = pool.avail; g != NULL; g = g->next) {
		if ((unsigned)__builtin_popcountll(g->free_mask) < n)
			continue;
		at = find_run(g, n);
		if (at >= 0)
			break;
	}
	if (g == NULL) {
		g = segment_new();
		at = (int)n;
	}
	if (g == NULL) {
		/* Out of address space or memory: the large-block cache may
		 * hold some (its lock is never held while taking this one). */
		rt_large_cache_expire(UINT64_MAX);
		g = segment_new();
	}
	if (g == NULL) {
		rt_mutex_unlock(&pool.lock);
		return NULL;
	}
	uint64_t m = run_mask(n, (unsigned)at);
	pool.dirty -= (size_t)__builtin_popcountll(g->dirty_mask & m);
	g->free_mask &= ~m;
	g->dirty_mask &= ~m;
	if (g->free_mask == 0) {
		seg_list_remove(&pool.avail, g);
		seg_list_push(&pool.full, g);
	}
	for (unsigned i = (unsigned)at; i < (unsigned)at + n; i++)
		g->head_of[i] = (uint8_t)at;
	struct span *s = &g->spans[at];
	size_t bs = class_size(cls);
	s->free = NULL;
	s->used = 0;
	s->block_size = (uint32_t)bs;
	s->capacity = (uint32_t)(((size_t)n * SLICE_SIZE) / bs);
	atomic_store_explicit(&s->carved, 0, memory_order_relaxed);
	s->div_magic = (((uint64_t)1 << 40) / bs) + 1;
	s->start = (uint8_t *)g + (size_t)at * SLICE_SIZE;
	atomic_store_explicit(&s->thread_free, 0, memory_order_relaxed);
	atomic_store_explicit(&s->heap, h, memory_order_relaxed);
	s->next = s->prev = NULL;
	s->cls = (uint8_t)cls;
	s->nslices = (uint8_t)n;
	atomic_store_explicit(&s->state, SPAN_ACTIVE, memory_order_relaxed);
	rt_mutex_unlock(&pool.lock);
	rt_large_cache_expire(now);
	return s;
}

void rt_pool_retire(struct span *s)
{
	uint64_t now = os_monotonic_ns();
	rt_mutex_lock(&pool.lock);
	retire_locked(s, now);
	purge(now);
	rt_mutex_unlock(&pool.lock);
	rt_large_cache_expire(now);
}

uint32_t rt_span_collect(struct span *s)
{
	uintptr_t list = atomic_exchange_explicit(&s->thread_free, 0,
	                                          memory_order_acquire);
	if (list == 0)
		return 0;
	struct block *first = (struct block *)list, *last = first;
	uint32_t n = 1;
	while (last->next != NULL) {
		last = last->next;
		n++;
	}
	last->next = s->free;
	s->free = first;
	s->used -= n;
	return n;
}

void rt_pool_lock(void)
{
	rt_mutex_lock(&pool.lock);
}

void rt_pool_unlock(void)
{
	rt_mutex_unlock(&pool.lock);
}

/* ---- Orphans ---- */

static void orphan_remove(struct span *s)
{
	if (s->prev != NULL)
		s->prev->next = s->next;
	else
		pool.orphans[s->cls] = s->next;
	if (s->next != NULL)
		s->next->prev = s->prev;
	s->next = s->prev = NULL;
	atomic_fetch_sub_explicit(&orphan_count, 1, memory_order_relaxed);
}

void rt_pool_orphan(struct span *s)
{
	rt_mutex_lock(&pool.lock);
	atomic_store_explicit(&s->heap, NULL, memory_order_release);
	atomic_store_explicit(&s->state, SPAN_ORPHAN, memory_order_relaxed);
	s->prev = NULL;
	s->next = pool.orphans[s->cls];
	if (s->next != NULL)
		s->next->prev = s;
	pool.orphans[s->cls] = s;
	atomic_fetch_add_explicit(&orphan_count, 1, memory_order_relaxed);
	rt_mutex_unlock(&pool.lock);
}

struct span *rt_pool_adopt(struct heap *h, unsigned cls)
{
	if (atomic_load_explicit(&orphan_count, memory_order_relaxed) == 0)
		return NULL;
	uint64_t now = os_monotonic_ns();
	struct span *found = NULL;
	rt_mutex_lock(&pool.lock);
	struct span *s;
	while (found == NULL && (s = pool.orphans[cls]) != NULL) {
		orphan_remove(s);
		rt_span_collect(s);
		if (s->used == 0) {
			retire_locked(s, now);
			continue;
		}
		atomic_store_explicit(&s->heap, h, memory_order_relaxed);
		atomic_store_explicit(&s->state, SPAN_ACTIVE, memory_order_relaxed);
		found = s;
	}
	rt_mutex_unlock(&pool.lock);
	return found;
}

bool rt_pool_free_orphan(struct span *s, struct block *b)
{
	uint64_t now = os_monotonic_ns();
	rt_mutex_lock(&pool.lock);
	if (atomic_load_explicit(&s->heap, memory_order_relaxed) != NULL ||
	    atomic_load_explicit(&s->state, memory_order_relaxed) != SPAN_ORPHAN) {
		rt_mutex_unlock(&pool.lock);
		return false;
	}
	b->next = s->free;
	s->free = b;
	s->used--;
	rt_span_collect(s);
	if (s->used == 0) {
		orphan_remove(s);
		retire_locked(s, now);
		purge(now);
	}
	rt_mutex_unlock(&pool.lock);
	return true;
}
