/*
 * alloc.c — the allocator's entry points and their fast paths.
 *
 * Model: a small request (up to 256 KiB) is rounded to one of 104 size
 * classes and popped from the free list of the calling thread's current
 * span for that class: a TLS load, three dependent loads, a store, and the
 * statistics.  A free finds the block's segment by rounding its address
 * down to 4 MiB, checks the registry bit, finds the span in the segment
 * header and, when the calling thread owns the span, pushes the block on its
 * free list; otherwise it hands the block to the owner's atomic
 * `thread_free` stack (alloc_heap.c).  Everything else — an empty free
 * list, a span that became empty, a large block — leaves the fast path
 * through one call.  See alloc_internal.h for the structures and
 * docs/runtime.md, "Memory", for the design.
 *
 * Invariants:
 *   - The fast paths never take a lock and never make a system call.
 *   - Every allocation clears the block's double-free mark (word 1); every
 *     free sets it after checking it was clear.
 *   - A thread that never allocated points at rt_empty_heap, whose spans
 *     (rt_empty_span) have no free blocks: its first allocation takes the
 *     slow path, which gives it a heap of its own.  Neither is ever written.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"
#include "signals.h"
#include "backtrace.h"
#include "alloc_internal.h"

#define AT_RANDOM 25

uintptr_t rt_alloc_key = 0x9e3779b97f4a7c15u;
struct span rt_empty_span;
struct heap rt_empty_heap = {
	.avail = { [0 ... NCLASSES - 1] = &rt_empty_span },
};
_Thread_local struct heap *rt_tls_heap = &rt_empty_heap;

void rt_alloc_init(void)
{
	/* The double-free mark is keyed by the kernel's random bytes, so
	 * user data that happens to look like a mark is a 2^-64 event and an
	 * attacker cannot forge one. */
	const uint8_t *r = (const uint8_t *)rt_auxv_get(AT_RANDOM);
	if (r != NULL) {
		uintptr_t k = 0;
		for (int i = 0; i < 8; i++)
			k = (k << 8) | r[8 + i];
		rt_alloc_key = k | 1;
	}
}

_Noreturn void rt_alloc_oom(uint64_t size)
{
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	rt_report_cstr(&r, "memory allocation of ");
	uint8_t digits[RT_FMT_I64_MAX];
	rt_report_put(&r, digits, rt_fmt_u64(digits, size));
	rt_report_cstr(&r, " bytes failed\n");
	rt_report_flush(&r);
	rt_abort();
}

/* "fatal runtime error: WHO: 0x... WHAT" (or, with no pointer worth
 * printing, "WHO: WHAT"), a backtrace when T_BACKTRACE asks for one, then
 * SIGABRT: a heap misuse is memory corruption in the making, and nothing
 * after it can be trusted. */
_Noreturn void rt_alloc_fatal(const char *who, const void *p, const char *what)
{
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	rt_report_cstr(&r, "fatal runtime error: ");
	rt_report_cstr(&r, who);
	rt_report_cstr(&r, ": ");
	if (p != NULL) {
		rt_report_hex(&r, (uintptr_t)p);
		rt_report_cstr(&r, " ");
	}
	rt_report_cstr(&r, what);
	rt_report_cstr(&r, "\n");
	rt_report_flush(&r);
	rt_backtrace_report_here(rt_backtrace_style());
	rt_abort();
}

static inline void *pop_block(struct heap *h, struct span *s, struct block *b)
{
	s->free = b->next;
	b->mark = 0;
	s->used++;
	stat_add_u(&h->stats.allocs, 1);
	stat_add_i(&h->stats.live_bytes, (int64_t)s->block_size);
	return b;
}

/* `exact`: the block must be of the class itself (an aligned request
 * relies on the class's size); otherwise the slow path may hand out a freed
 * block of a slightly bigger class rather than touch a fresh page. */
static inline void *alloc_small(size_t size, bool exact)
{
	struct heap *h = rt_tls_heap;
	unsigned cls = size_class(size);
	struct span *s = h->avail[cls];
	struct block *b = s->free;
	if (__builtin_expect(b != NULL, 1))
		return pop_block(h, s, b);
	return rt_heap_alloc_slow(h, cls, exact);
}

void *trt_alloc(uint64_t size)
{
	if (__builtin_expect(size <= SMALL_MAX, 1))
		return alloc_small((size_t)size, false);
	return rt_large_alloc(size, 0, false);
}

void *trt_alloc_zeroed(uint64_t size)
{
	if (size <= SMALL_MAX) {
		void *p = alloc_small((size_t)size, false);
		memset(p, 0, (size_t)size);
		return p;
	}
	return rt_large_alloc(size, 0, true);
}

void *trt_alloc_aligned(uint64_t size, uint64_t align)
{
	if (align == 0 || (align & (align - 1)) != 0 || align > SEG_SIZE / 2)
		rt_bug("trt_alloc_aligned: alignment is not a power of two up to 2 MiB:",
		       (int64_t)align);
	if (align <= 16)
		return trt_alloc(size);
	/* Spans start on a 64 KiB boundary, so every block of a class whose
	 * size is a multiple of `align` is aligned: take the first such class
	 * that fits. */
	if (size <= SMALL_MAX && align <= SLICE_SIZE) {
		for (unsigned cls = size_class((size_t)size); cls < NCLASSES; cls++) {
			if ((class_size(cls) & (align - 1)) == 0)
				return alloc_small(class_size(cls), true);
		}
	}
	return rt_large_alloc(size, (size_t)align, false);
}

/* The span of small block `p`, after the checks that make a bad free
 * loud: the registry knows the segment, the span is in use, `p` is a block
 * boundary that was handed out. */
static inline struct span *checked_span(struct segment *seg, const void *p,
                                        const char *who)
{
	struct span *s = span_of(seg, p);
	size_t off = (size_t)((uintptr_t)p - (uintptr_t)s->start);
	uint64_t idx = ((uint64_t)off * s->div_magic) >> 40;
	if (__builtin_expect(
		    atomic_load_explicit(&s->state, memory_order_relaxed) == SPAN_FREE ||
		    (uintptr_t)p < (uintptr_t)s->start ||
		    idx * s->block_size != off ||
		    idx >= atomic_load_explicit(&s->carved, memory_order_relaxed), 0))
		rt_alloc_fatal(who, p, "is not the start of a block");
	return s;
}

/* The block size is deterministic (the address is not), so tests can pin
 * the message; the backtrace says where. */
__attribute__((noinline, cold)) _Noreturn static void double_free(const struct span *s)
{
	uint8_t msg[64] = "double free of a block of ";
	size_t n = rt_cstr_len((const char *)msg);
	n += rt_fmt_u64(msg + n, s->block_size);
	memcpy(msg + n, " bytes", 7);
	rt_alloc_fatal("trt_free", NULL, (const char *)msg);
}

void trt_free(void *p)
{
	if (p == NULL)
		return;
	struct seg_head *sh = seg_of(p);
	if (__builtin_expect(!rt_registry_has((uintptr_t)sh), 0))
		rt_alloc_fatal("trt_free", p, "was not allocated by trt_alloc (or was freed already)");
	if (__builtin_expect(sh->kind != SEG_SMALL, 0)) {
		rt_large_free((struct large *)sh, p);
		return;
	}
	struct span *s = checked_span((struct segment *)sh, p, "trt_free");
	struct block *b = p;
	uintptr_t mark = rt_alloc_key ^ (uintptr_t)p;
	if (__builtin_expect(b->mark == mark, 0))
		double_free(s);
	b->mark = mark;
	struct heap *h = rt_tls_heap;
	if (__builtin_expect(atomic_load_explicit(&s->heap, memory_order_relaxed) == h, 1)) {
		b->next = s->free;
		s->free = b;
		stat_add_u(&h->stats.frees, 1);
		stat_add_i(&h->stats.live_bytes, -(int64_t)s->block_size);
		if (__builtin_expect(--s->used == 0 ||
		                     atomic_load_explicit(&s->state, memory_order_relaxed) == SPAN_FULL, 0))
			rt_heap_free_slow(h, s);
		return;
	}
	rt_heap_free_remote(s, b);
}

uint64_t trt_alloc_usable_size(const void *p)
{
	if (p == NULL)
		return 0;
	struct seg_head *sh = seg_of(p);
	if (!rt_registry_has((uintptr_t)sh))
		rt_alloc_fatal("trt_alloc_usable_size", p, "was not allocated by trt_alloc");
	if (sh->kind != SEG_SMALL)
		return rt_large_usable((struct large *)sh, p);
	return checked_span((struct segment *)sh, p, "trt_alloc_usable_size")->block_size;
}

void *trt_realloc(void *p, uint64_t size)
{
	if (p == NULL)
		return trt_alloc(size);
	struct seg_head *sh = seg_of(p);
	if (!rt_registry_has((uintptr_t)sh))
		rt_alloc_fatal("trt_realloc", p, "was not allocated by trt_alloc (or was freed already)");
	if (sh->kind != SEG_SMALL)
		return rt_large_realloc((struct large *)sh, p, size);
	struct span *s = checked_span((struct segment *)sh, p, "trt_realloc");
	size_t old = s->block_size;
	/* In place while the block is big enough and either of the same class
	 * or not more than twice what is needed (shrinking further moves, so
	 * the memory comes back). */
	if (size <= old && (size > old / 2 || size_class((size_t)size) == s->cls))
		return p;
	void *q = trt_alloc(size);
	memcpy(q, p, size < old ? (size_t)size : old);
	trt_free(p);
	return q;
}

/* The layout docs/abi.md promises compiled code (std::mem::stats). */
_Static_assert(sizeof(struct trt_mem_stats) == 40, "trt_mem_stats size");
_Static_assert(offsetof(struct trt_mem_stats, live_bytes) == 0, "live_bytes");
_Static_assert(offsetof(struct trt_mem_stats, live_blocks) == 8, "live_blocks");
_Static_assert(offsetof(struct trt_mem_stats, mapped_bytes) == 16, "mapped_bytes");
_Static_assert(offsetof(struct trt_mem_stats, alloc_count) == 24, "alloc_count");
_Static_assert(offsetof(struct trt_mem_stats, free_count) == 32, "free_count");

void trt_mem_stats(struct trt_mem_stats *out)
{
	rt_heap_stats(out);
	out->mapped_bytes = atomic_load_explicit(&rt_mapped_bytes, memory_order_relaxed);
}
