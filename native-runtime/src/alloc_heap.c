/*
 * alloc_heap.c — per-thread heaps: the allocation slow path, frees into
 * spans another thread owns, spans that filled up, and what happens to a
 * heap when its thread exits.
 *
 * Model: a heap keeps, for each size class, a list of spans that may have
 * room (`avail[cls]`, the first one is where the fast path allocates), and
 * one list of spans it found full.  When the current span's free list is
 * empty the slow path tries, in order:
 *   1. the blocks freed into the spans of the class list, the current one
 *      first: the owner's list, else `thread_free` (taken with one atomic
 *      exchange); spans with neither and nothing left to carve move to the
 *      full list,
 *   2. carving more never-used blocks from the first span of the list with
 *      room (at most 4 KiB at a time, so pages are touched only as they are
 *      needed) — only after step 1, so a span's untouched pages stay
 *      untouched while freed blocks of the class are left anywhere,
 *   3. a few full spans (round robin): those with blocks in `thread_free`
 *      go back to their class list, or back to the pool when all their blocks
 *      came back,
 *   4. an orphaned span of the class (left by a thread that exited),
 *   5. a fresh span from the page pool (alloc_pool.c).
 * Step 3 bounds the work per slow path (RECLAIM_SCAN spans) instead of
 * having remote frees notify the owner; memory freed by other threads into
 * a heap that no longer allocates stays there until the heap allocates
 * again or its thread exits.
 *
 * A local free that empties a span retires it to the pool, unless it is the
 * only span of its class with room (so a loop that allocates and frees one
 * block does not bounce a span to the pool and back).  A local free into a
 * full span moves it back to its class list, second in line, so the current
 * span is used up first.
 *
 * Heaps are never unmapped: a thread's exit hands its spans to the pool
 * (empty ones retired, others orphaned) and parks the heap for the next
 * thread, keeping its statistics, so trt_mem_stats can sum every heap ever
 * made without a lock.  The first heap is static (the main thread's first
 * allocation makes no extra system call).
 *
 * Invariants:
 *   - A span is in exactly one list: its heap's avail[cls] (SPAN_ACTIVE),
 *     its heap's full list (SPAN_FULL), the pool's orphan list
 *     (SPAN_ORPHAN), or none (SPAN_FREE, slices in the pool).
 *   - Only the owning thread walks or changes its heap's lists.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"
#include "alloc_internal.h"

#define EXTEND_BYTES 4096
#define RECLAIM_SCAN 8
/* How many classes up the slow path looks for a freed block before carving
 * (and only while the bigger block is at most half as big again). */
#define BORROW_CLASSES 8
#define BORROW_SPANS   4

static struct rt_mutex heaps_lock;
static struct heap *idle_heaps;          /* under heaps_lock */
static bool first_heap_taken;            /* under heaps_lock */
static struct heap first_heap;
static struct heap *_Atomic all_heaps;   /* push-only */

static void heap_reset(struct heap *h)
{
	for (unsigned c = 0; c < NCLASSES; c++)
		h->avail[c] = &rt_empty_span;
	h->full = NULL;
	h->full_cursor = NULL;
}

struct heap *rt_heap_get(void)
{
	struct heap *h = rt_tls_heap;
	if (h != &rt_empty_heap)
		return h;
	bool fresh = false;
	rt_mutex_lock(&heaps_lock);
	h = idle_heaps;
	if (h != NULL) {
		idle_heaps = h->next_idle;
	} else if (!first_heap_taken) {
		first_heap_taken = true;
		h = &first_heap;
		fresh = true;
	} else {
		size_t page = rt_page_size();
		size_t len = (sizeof(struct heap) + page - 1) & ~(page - 1);
		h = os_map_anon(len);
		if (h != NULL)
			atomic_fetch_add_explicit(&rt_mapped_bytes, len,
			                          memory_order_relaxed);
		fresh = true;
	}
	rt_mutex_unlock(&heaps_lock);
	if (h == NULL)
		rt_alloc_oom(sizeof(struct heap));
	if (fresh) {
		heap_reset(h);
		struct heap *head = atomic_load_explicit(&all_heaps, memory_order_relaxed);
		do {
			h->next_all = head;
		} while (!atomic_compare_exchange_weak_explicit(
			&all_heaps, &head, h, memory_order_release,
			memory_order_relaxed));
	}
	rt_tls_heap = h;
	return h;
}

/* ---- The lists ---- */

static void avail_remove(struct heap *h, struct span *s)
{
	if (s->prev != NULL)
		s->prev->next = s->next;
	else
		h->avail[s->cls] = s->next != NULL ? s->next : &rt_empty_span;
	if (s->next != NULL)
		s->next->prev = s->prev;
	s->next = s->prev = NULL;
}

static void avail_push_front(struct heap *h, struct span *s)
{
	struct span *head = h->avail[s->cls];
	s->prev = NULL;
	s->next = head != &rt_empty_span ? head : NULL;
	if (s->next != NULL)
		s->next->prev = s;
	h->avail[s->cls] = s;
	atomic_store_explicit(&s->state, SPAN_ACTIVE, memory_order_relaxed);
}

/* Second in line: the current span is used up first. */
static void avail_push_second(struct heap *h, struct span *s)
{
	struct span *head = h->avail[s->cls];
	if (head == &rt_empty_span) {
		avail_push_front(h, s);
		return;
	}
	s->prev = head;
	s->next = head->next;
	if (s->next != NULL)
		s->next->prev = s;
	head->next = s;
	atomic_store_explicit(&s->state, SPAN_ACTIVE, memory_order_relaxed);
}

static void full_push(struct heap *h, struct span *s)
{
	s->prev = NULL;
	s->next = h->full;
	if (s->next != NULL)
		s->next->prev = s;
	h->full = s;
	atomic_store_explicit(&s->state, SPAN_FULL, memory_order_relaxed);
}

static void full_remove(struct heap *h, struct span *s)
{
	if (h->full_cursor == s)
		h->full_cursor = s->next;
	if (s->prev != NULL)
		s->prev->next = s->next;
	else
		h->full = s->next;
	if (s->next != NULL)
		s->next->prev = s->prev;
	s->next = s->prev = NULL;
}

/* ---- Finding room ---- */

/* Links up to EXTEND_BYTES of never-used blocks into the free list, each
 * with the free mark, so that "carved and not marked" means "handed out"
 * (the leak checker's walk relies on it, and freeing a block that was
 * never handed out is caught as a double free). */
static bool extend(struct span *s)
{
	uint32_t carved = atomic_load_explicit(&s->carved, memory_order_relaxed);
	if (carved == s->capacity)
		return false;
	uint32_t n = EXTEND_BYTES / s->block_size;
	if (n == 0)
		n = 1;
	if (n > s->capacity - carved)
		n = s->capacity - carved;
	uint8_t *first = s->start + (size_t)carved * s->block_size;
	uint8_t *p = first;
	for (uint32_t i = 1; i < n; i++) {
		((struct block *)p)->next = (struct block *)(p + s->block_size);
		((struct block *)p)->mark = rt_alloc_key ^ (uintptr_t)p;
		p += s->block_size;
	}
	((struct block *)p)->next = s->free;
	((struct block *)p)->mark = rt_alloc_key ^ (uintptr_t)p;
	s->free = (struct block *)first;
	atomic_store_explicit(&s->carved, carved + n, memory_order_relaxed);
	return true;
}

/* Blocks already carved and freed: the span's own list, else what other
 * threads gave back. */
static bool take_freed(struct span *s)
{
	if (s->free != NULL)
		return true;
	return atomic_load_explicit(&s->thread_free, memory_order_relaxed) != 0 &&
	       rt_span_collect(s) > 0;
}

static bool refill(struct span *s)
{
	return take_freed(s) || extend(s);
}

/* Step 3: look at a few full spans for blocks other threads freed. */
static void reclaim_full(struct heap *h)
{
	struct span *s = h->full_cursor != NULL ? h->full_cursor : h->full;
	for (int i = 0; i < RECLAIM_SCAN && s != NULL; i++) {
		struct span *next = s->next;
		if (atomic_load_explicit(&s->thread_free, memory_order_relaxed) != 0) {
			full_remove(h, s);
			rt_span_collect(s);
			if (s->used == 0)
				rt_pool_retire(s);
			else
				avail_push_second(h, s);
		}
		s = next;
	}
	h->full_cursor = s;
}

/* Step 1: the first span of the class list with freed blocks, moved to
 * the front; spans with neither freed nor uncarved blocks move to the full
 * list on the way.  `*carvable` gets the first span passed over that still
 * has blocks to carve. */
static struct span *freed_in_class(struct heap *h, unsigned cls,
                                   struct span **carvable)
{
	struct span *s = h->avail[cls];
	while (s != &rt_empty_span) {
		struct span *next = s->next;
		if (take_freed(s)) {
			if (h->avail[cls] != s) {
				avail_remove(h, s);
				avail_push_front(h, s);
			}
			return s;
		}
		if (atomic_load_explicit(&s->carved, memory_order_relaxed) < s->capacity) {
			if (*carvable == NULL)
				*carvable = s;
		} else {
			avail_remove(h, s);
			full_push(h, s);
		}
		s = next != NULL ? next : &rt_empty_span;
	}
	return NULL;
}

/* Step 1b: a span of a slightly bigger class with freed blocks.  Only the
 * first BORROW_SPANS of each class list are looked at (a bounded cost on
 * every slow path; a span a free took off the full list is second), and
 * only spans carved to the end: a span still being carved has fresh blocks
 * on its list, which its own class should have (a smaller class taking
 * them would round its blocks up for nothing). */
static struct span *borrow(struct heap *h, unsigned cls)
{
	size_t limit = class_size(cls) + class_size(cls) / 2;
	for (unsigned up = cls + 1; up <= cls + BORROW_CLASSES && up < NCLASSES &&
	                            class_size(up) <= limit; up++) {
		struct span *s = h->avail[up];
		for (int i = 0; i < BORROW_SPANS && s != NULL && s != &rt_empty_span;
		     i++, s = s->next) {
			if (atomic_load_explicit(&s->carved, memory_order_relaxed) == s->capacity &&
			    take_freed(s))
				return s;
		}
	}
	return NULL;
}

static struct span *find_span(struct heap *h, unsigned cls, bool exact)
{
	/* Freed blocks of any span of the class before fresh ones: carving
	 * touches new pages, so carving first would make every span of the
	 * class fully resident however few of its blocks are live. */
	struct span *carvable = NULL, *s = freed_in_class(h, cls, &carvable);
	if (s != NULL)
		return s;
	/* The live count of each class wanders around its mean, and a class
	 * carves a new page whenever it reaches a new high, however many blocks
	 * the neighbouring classes have free at that moment: borrowing from them
	 * makes the resident memory follow the high of the sum, not the sum of
	 * the highs. */
	if (!exact && (s = borrow(h, cls)) != NULL)
		return s;
	s = carvable;
	if (s != NULL && extend(s)) {
		if (h->avail[cls] != s) {
			avail_remove(h, s);
			avail_push_front(h, s);
		}
		return s;
	}
	reclaim_full(h);
	s = h->avail[cls];
	if (s != &rt_empty_span && refill(s))
		return s;
	/* An adopted orphan may turn out to be full: keep it as ours, look
	 * further. */
	while ((s = rt_pool_adopt(h, cls)) != NULL) {
		if (refill(s)) {
			avail_push_front(h, s);
			return s;
		}
		full_push(h, s);
	}
	s = rt_pool_acquire(h, cls);
	if (s == NULL)
		rt_alloc_oom(class_size(cls));
	avail_push_front(h, s);
	if (!refill(s))
		rt_bug("allocator: a new span has no room, class", (int64_t)cls);
	return s;
}

void *rt_heap_alloc_slow(struct heap *h, unsigned cls, bool exact)
{
	if (h == &rt_empty_heap)
		h = rt_heap_get();
	struct span *s = find_span(h, cls, exact);
	struct block *b = s->free;
	s->free = b->next;
	b->mark = 0;
	s->used++;
	stat_add_u(&h->stats.allocs, 1);
	stat_add_i(&h->stats.live_bytes, (int64_t)s->block_size);
	return b;
}

/* ---- Frees that leave the fast path ---- */

void rt_heap_free_slow(struct heap *h, struct span *s)
{
	if (atomic_load_explicit(&s->state, memory_order_relaxed) == SPAN_FULL) {
		full_remove(h, s);
		avail_push_second(h, s);
	}
	if (s->used != 0)
		return;
	if (h->avail[s->cls] == s && s->next == NULL)
		return; /* the only span of its class with room: keep it */
	avail_remove(h, s);
	rt_pool_retire(s);
}

void rt_heap_free_remote(struct span *s, struct block *b)
{
	struct heap *me = rt_heap_get();
	stat_add_u(&me->stats.frees, 1);
	stat_add_i(&me->stats.live_bytes, -(int64_t)s->block_size);
	if (atomic_load_explicit(&s->heap, memory_order_acquire) == NULL &&
	    rt_pool_free_orphan(s, b))
		return;
	uintptr_t head = atomic_load_explicit(&s->thread_free, memory_order_relaxed);
	do {
		b->next = (struct block *)head;
	} while (!atomic_compare_exchange_weak_explicit(
		&s->thread_free, &head, (uintptr_t)b, memory_order_release,
		memory_order_relaxed));
}

/* ---- Thread exit ---- */

static void give_away(struct span *s)
{
	s->next = s->prev = NULL;
	rt_span_collect(s);
	if (s->used == 0)
		rt_pool_retire(s);
	else
		rt_pool_orphan(s);
}

void rt_alloc_thread_exit(void)
{
	struct heap *h = rt_tls_heap;
	if (h == &rt_empty_heap)
		return;
	for (unsigned c = 0; c < NCLASSES; c++) {
		struct span *s = h->avail[c];
		while (s != &rt_empty_span && s != NULL) {
			struct span *next = s->next;
			give_away(s);
			s = next;
		}
	}
	for (struct span *s = h->full; s != NULL;) {
		struct span *next = s->next;
		give_away(s);
		s = next;
	}
	heap_reset(h);
	rt_tls_heap = &rt_empty_heap;
	rt_mutex_lock(&heaps_lock);
	h->next_idle = idle_heaps;
	idle_heaps = h;
	rt_mutex_unlock(&heaps_lock);
}

/* ---- Statistics ---- */

void rt_heap_stats(struct trt_mem_stats *out)
{
	uint64_t allocs = 0, frees = 0;
	int64_t live = 0;
	for (struct heap *h = atomic_load_explicit(&all_heaps, memory_order_acquire);
	     h != NULL; h = h->next_all) {
		allocs += atomic_load_explicit(&h->stats.allocs, memory_order_relaxed);
		frees += atomic_load_explicit(&h->stats.frees, memory_order_relaxed);
		live += atomic_load_explicit(&h->stats.live_bytes, memory_order_relaxed);
	}
	out->alloc_count = allocs;
	out->free_count = frees;
	out->live_blocks = allocs >= frees ? allocs - frees : 0;
	out->live_bytes = live > 0 ? (uint64_t)live : 0;
}
