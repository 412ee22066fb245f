/*
 * alloc_internal.h — what the allocator's files share (private to
 * alloc*.c, rc.c and leak.c).
 *
 * Model (docs/runtime.md, "Memory", says it at length):
 *
 *   segment   4 MiB of address space, aligned to 4 MiB, from mmap.  Its first
 *             64 KiB slice holds this header; the other 63 slices are handed
 *             out to spans.  Any block's segment is its address rounded down
 *             to 4 MiB, so a free needs no lookup table.
 *   span      1, 2, 4, 8 or 16 contiguous slices (aligned to their size)
 *             holding blocks of one size class.  Owned by one heap, which
 *             alone allocates from it; other threads' frees go to its atomic
 *             `thread_free` stack.
 *   heap      one per thread (in a TLS pointer): for each class the spans it
 *             allocates from, plus the spans it found full.
 *   large     a request above the largest class (256 KiB): its own mapping,
 *             aligned like a segment, with this header's prefix in its first
 *             page and the block after it.
 *   registry  one bit per 4 MiB of address space: set for every segment and
 *             large mapping, so trt_free can tell its pointers from foreign
 *             ones without touching memory that may not be mapped.
 *
 * Invariants (the allocator's files rely on each other for them):
 *   - Only a span's owner heap touches `free`, `used` and `carved`; other
 *     threads touch only `thread_free` (atomically).  `used` counts blocks
 *     handed out minus those the owner has seen come back; a block in
 *     `thread_free` is still counted, so used == 0 means no block of the
 *     span is outstanding anywhere, and only then is it retired.
 *   - A span with no owner (its thread exited: an "orphan") belongs to the
 *     page pool and is changed only under the pool lock.
 *   - A free block's second word holds rt_alloc_key ^ its address; every
 *     allocation clears it.  A block freed twice finds the mark (double-free
 *     detection costs one load and one store).
 *   - Nothing here allocates through trt_alloc: metadata comes from mmap.
 */
#ifndef TRT_ALLOC_INTERNAL_H
#define TRT_ALLOC_INTERNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lock.h"

#define SEG_SHIFT    22
#define SEG_SIZE     ((size_t)1 << SEG_SHIFT)
#define SLICE_SHIFT  16
#define SLICE_SIZE   ((size_t)1 << SLICE_SHIFT)
#define SLICES       (SEG_SIZE / SLICE_SIZE)   /* 64 */
#define MAX_SPAN_SLICES 16

/* Size classes: 16..512 in steps of 16 (exact to 16 bytes where most
 * blocks are: boxed values, small strings, list nodes), then eight per
 * power of two up to 256 KiB (576, 640, ..., 1024, 1152, ...): at most
 * 12.5% of a block is rounding. */
#define SMALL_CLASSES 32      /* the classes of 16..512 */
#define NCLASSES     104
#define SMALL_MAX    ((size_t)256 * 1024)

/* The address space the registry covers (user space on both targets
 * without 52-bit opt-in). */
#define VA_BITS      48

#define SEG_MAGIC    0x5452544dU /* "TRTM" */
/* SEG_LARGE_FREE: a large mapping whose block was freed, kept for reuse
 * (alloc_large_cache.c). */
enum seg_kind { SEG_SMALL = 1, SEG_LARGE = 2, SEG_LARGE_FREE = 3 };

enum span_state {
	SPAN_FREE = 0,   /* slices in the pool */
	SPAN_ACTIVE = 1, /* in its heap's list for its class */
	SPAN_FULL = 2,   /* in its heap's full list */
	SPAN_ORPHAN = 3, /* its heap's thread exited; in the pool's orphan list */
};

struct block {
	struct block *next;
	uintptr_t mark; /* rt_alloc_key ^ address while free, 0 while in use */
};

struct heap;

/* Aligned to a cache line: spans of one segment belong to different
 * threads, and one thread's allocations must not bounce the line another
 * thread's span lives on. */
struct __attribute__((aligned(64))) span {
	struct block *free;                /* owner's free list */
	uint32_t used;                     /* blocks out, as the owner knows */
	uint32_t capacity;                 /* blocks the span holds */
	_Atomic uint32_t carved;           /* blocks carved from fresh memory */
	uint32_t block_size;
	uint64_t div_magic;                /* off * div_magic >> 40 == off / block_size */
	uint8_t *start;                    /* the first block */
	_Atomic uintptr_t thread_free;     /* other threads' frees (a stack) */
	struct heap *_Atomic heap;         /* owner; NULL when orphaned or free */
	struct span *next, *prev;          /* the list the state says */
	uint64_t retired_ns;               /* pool: when its slices became free */
	_Atomic uint8_t state;             /* enum span_state */
	uint8_t cls;
	uint8_t nslices;
};

/* The common prefix of a segment and a large mapping. */
struct seg_head {
	uint32_t magic;
	uint32_t kind;
};

struct segment {
	struct seg_head head;
	uint64_t free_mask;  /* slice i is in the pool (bit 0, the header: never) */
	uint64_t dirty_mask; /* free slices whose pages may be resident */
	struct segment *next, *prev;
	uint8_t head_of[SLICES]; /* slice -> first slice of its span */
	struct span spans[SLICES]; /* indexed by a span's first slice */
};

struct large {
	struct seg_head head;
	size_t map_len; /* the whole mapping */
	size_t offset;  /* the block is at base + offset */
};

/* Per-heap counters: written only by the heap's thread (relaxed atomics, so
 * trt_mem_stats may read them from any thread), summed over all heaps. */
struct heap_stats {
	_Atomic uint64_t allocs;
	_Atomic uint64_t frees;
	_Atomic int64_t live_bytes; /* may go negative: frees of others' blocks */
};

struct heap {
	struct span *avail[NCLASSES]; /* spans with room, first = current */
	struct span *full;            /* spans found full, any class */
	struct span *full_cursor;     /* where the next reclaim scan starts */
	struct heap_stats stats;
	struct heap *next_all;        /* every heap ever made */
	struct heap *next_idle;       /* heaps of exited threads, for reuse */
};

/* ---- alloc.c ---- */
extern uintptr_t rt_alloc_key;
extern _Thread_local struct heap *rt_tls_heap;
extern struct heap rt_empty_heap;
extern struct span rt_empty_span;
_Noreturn void rt_alloc_oom(uint64_t size);
/* A detected misuse (bad or double free): "fatal runtime error: WHO: P
 * WHAT" (P left out when NULL), then abort. */
_Noreturn void rt_alloc_fatal(const char *who, const void *p, const char *what);

static inline void stat_add_u(_Atomic uint64_t *c, uint64_t v)
{
	atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + v,
	                      memory_order_relaxed);
}

static inline void stat_add_i(_Atomic int64_t *c, int64_t v)
{
	atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + v,
	                      memory_order_relaxed);
}

static inline size_t class_size(unsigned cls)
{
	if (cls < SMALL_CLASSES)
		return 16 * (size_t)(cls + 1);
	unsigned k = cls - SMALL_CLASSES;
	return (size_t)((k & 7) + 9) << (k / 8 + 6);
}

static inline unsigned size_class(size_t size)
{
	if (size <= 16 * SMALL_CLASSES)
		return size == 0 ? 0 : (unsigned)((size - 1) >> 4);
	/* b = floor(log2(size - 1)) >= 9; the three bits below the top one
	 * pick one of the eight classes of (2^b, 2^(b+1)]. */
	unsigned b = 63u - (unsigned)__builtin_clzll((unsigned long long)(size - 1));
	return SMALL_CLASSES + (b - 9) * 8 + (unsigned)(((size - 1) >> (b - 3)) & 7);
}

static inline struct seg_head *seg_of(const void *p)
{
	return (struct seg_head *)((uintptr_t)p & ~(uintptr_t)(SEG_SIZE - 1));
}

static inline struct span *span_of(struct segment *seg, const void *p)
{
	size_t slice = ((uintptr_t)p - (uintptr_t)seg) >> SLICE_SHIFT;
	return &seg->spans[seg->head_of[slice]];
}

/* ---- alloc_heap.c: per-thread heaps ---- */
/* The calling thread's heap, made on first use. */
struct heap *rt_heap_get(void);
/* A block of class `cls` when the current span's free list is empty; unless
 * `exact`, possibly a freed block of a class up to BORROW_CLASSES bigger
 * (alloc_heap.c says when). */
void *rt_heap_alloc_slow(struct heap *h, unsigned cls, bool exact);
/* After a local free made the span empty or found it in the full list. */
void rt_heap_free_slow(struct heap *h, struct span *s);
/* A free of a block in a span the calling thread does not own. */
void rt_heap_free_remote(struct span *s, struct block *b);

/* Sums the statistics of every heap (all but mapped_bytes). */
struct trt_mem_stats;
void rt_heap_stats(struct trt_mem_stats *out);

/* ---- alloc_pool.c: segments, slices, orphans, purging ---- */
/* A fresh span of class `cls` owned by `h`, or NULL when out of memory. */
struct span *rt_pool_acquire(struct heap *h, unsigned cls);
/* An orphaned span of class `cls` adopted by `h` (with room), or NULL. */
struct span *rt_pool_adopt(struct heap *h, unsigned cls);
/* Gives an empty span's slices back (the caller owns it; used == 0). */
void rt_pool_retire(struct span *s);
/* Makes a span an orphan (its owner thread is exiting). */
void rt_pool_orphan(struct span *s);
/* Frees `b` into orphan `s` under the pool lock; false when `s` was adopted
 * meanwhile (then the caller frees remotely). */
bool rt_pool_free_orphan(struct span *s, struct block *b);
/* Moves the blocks other threads freed into the owner's list; returns how
 * many.  Only the owner (or the pool, for orphans) calls it. */
uint32_t rt_span_collect(struct span *s);

/* Mappings aligned to SEG_SIZE (segments, large blocks). */
void *rt_pool_map_aligned(size_t len);
/* Address-space bookkeeping: the registry bit of a segment or large
 * mapping, and the bytes the allocator has mapped. */
bool rt_registry_add(uintptr_t seg);
void rt_registry_remove(uintptr_t seg);
extern _Atomic uint64_t *_Atomic rt_registry;
/* The lowest and highest registry index ever set (0 and 0 before the
 * first); they only widen. */
extern _Atomic uintptr_t rt_registry_lo, rt_registry_hi;
extern _Atomic uint64_t rt_mapped_bytes;
/* The pool lock, for alloc_walk.c: segments keep their slices' state
 * while it is held. */
void rt_pool_lock(void);
void rt_pool_unlock(void);

/* True when `seg` (4 MiB aligned) is a segment or large mapping of ours.
 * Never touches memory outside the registry table. */
static inline bool rt_registry_has(uintptr_t seg)
{
	_Atomic uint64_t *r = atomic_load_explicit(&rt_registry, memory_order_relaxed);
	if (r == NULL || (seg >> VA_BITS) != 0)
		return false;
	uintptr_t i = seg >> SEG_SHIFT;
	return (atomic_load_explicit(&r[i / 64], memory_order_relaxed) >> (i % 64)) & 1;
}
size_t rt_page_size(void);

/* ---- alloc_large.c: blocks above SMALL_MAX ---- */
/* `zeroed`: the first `size` bytes must read as zero (a fresh mapping is;
 * a reused one is cleared). */
void *rt_large_alloc(uint64_t size, size_t align, bool zeroed);
void rt_large_free(struct large *l, void *p);
void *rt_large_realloc(struct large *l, void *p, uint64_t size);
size_t rt_large_usable(struct large *l, const void *p);

/* ---- alloc_large_cache.c: freed large mappings kept for reuse ---- */
/* A cached mapping of at least `len` bytes (and at most a quarter more),
 * removed from the cache, its header still SEG_LARGE_FREE; or NULL. */
struct large *rt_large_cache_take(size_t len);
/* Keeps `l` (whose block was just freed) for reuse; false when it is too
 * big to keep (the caller unmaps it).  May unmap older entries. */
bool rt_large_cache_put(struct large *l, uint64_t now);
/* Unmaps the entries idle since before `now` minus the expiry delay. */
void rt_large_cache_expire(uint64_t now);

/* ---- alloc_walk.c: enumerating live blocks ---- */
/* Calls fn(block, usable_size, ctx) for every block handed out and not yet
 * freed, small and large, in address order within each segment.  Takes the
 * pool lock (so fn must not allocate or free) and allocates nothing.  Exact
 * when no other thread allocates or frees meanwhile. */
typedef void (*rt_alloc_walk_fn)(void *block, size_t size, void *ctx);
void rt_alloc_walk_live(rt_alloc_walk_fn fn, void *ctx);

#endif /* TRT_ALLOC_INTERNAL_H */
