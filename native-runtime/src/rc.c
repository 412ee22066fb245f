/*
 * rc.c — reference counting: allocating objects with a header, strong and
 * weak counts, drop, copy-on-write uniqueness, and marking objects shared
 * before they cross to another task.
 *
 * Model (include/trt_rc.h has the layout; docs/runtime.md, "Reference
 * counting", the reasoning):
 *
 *   - The strong word holds two flag bits and the count in units of
 *     TRT_RC_ONE, so one load tells both "how many" and "how to change it".
 *     An object no other task can reach is counted with a plain load and
 *     store (relaxed atomics, which compile to ordinary moves: the fields
 *     are _Atomic only so that the shared case is defined C).  A shared
 *     object is counted with read-modify-write atomics, ordered as Rust's
 *     Arc orders them: increments relaxed (the caller's own reference keeps
 *     the object alive), decrements release, and an acquire fence before the
 *     drop and before the free, so every write any thread made through its
 *     reference happens before the object is destroyed.
 *   - The weak word counts weak references plus one held by all strong
 *     references together, as Rust's Rc/Arc do: the last strong release
 *     drops the payload and then gives that one up, so exactly one party —
 *     the last of either kind — frees the memory, with no lock.
 *   - Immortal objects (compile-time constants, possibly in read-only
 *     memory) are never written: every path tests the flag before a store.
 *   - Sharing is sticky and transitive (trt_rc_share): an object's flag is
 *     set by the one task that can reach it, before the hand-over (channel,
 *     spawn, Mutex), whose release/acquire publishes the flag along with the
 *     object.  Because every object a shared one references is shared too,
 *     a task that received a shared object can never reach a non-shared one
 *     through it.
 *
 * Invariants:
 *   - The fast paths (not shared, not immortal, count in range) are one
 *     load, one test, one store; compiled code inlines exactly these tests
 *     (docs/abi.md, "The inline sequences"), so the header layout and the
 *     meaning of the flag bits cannot change without the compiler.  In the
 *     runtime, anything else but the last release of an unshared object
 *     leaves through a branch marked unlikely.
 *   - A count never wraps: reaching bit 31 aborts first (strong: 2^29
 *     references, weak: 2^31).
 *   - Nothing here takes a lock or makes a system call except through
 *     trt_alloc/trt_free; trt_rc_share allocates only when an object graph
 *     has more than SHARE_INLINE objects with references pending at once.
 */
#include "trt.h"
#include "internal.h"
#include "cpu.h"
#include "signals.h"
#include "backtrace.h"
#include "stack_guard.h"

#include <stdatomic.h>
#include <stddef.h>

#define TOP_BIT 0x80000000u
#define SHARE_INLINE 64

_Static_assert(sizeof(struct trt_rc_header) == TRT_RC_HEADER_SIZE, "header size");
_Static_assert(offsetof(struct trt_rc_header, strong) == 0, "strong at 0");
_Static_assert(offsetof(struct trt_rc_header, weak) == 4, "weak at 4");
_Static_assert(offsetof(struct trt_rc_header, type) == 8, "type at 8");
_Static_assert(sizeof(struct trt_type) == 40, "trt_type size");
_Static_assert(offsetof(struct trt_type, drop) == 8, "drop at 8");
_Static_assert(offsetof(struct trt_type, visit) == 16, "visit at 16");
_Static_assert(offsetof(struct trt_type, name) == 24, "name at 24");
_Static_assert(offsetof(struct trt_type, name_len) == 32, "name_len at 32");

static inline struct trt_rc_header *hdr(const void *obj)
{
	return (struct trt_rc_header *)obj;
}

static inline uint32_t load(_Atomic uint32_t *w)
{
	return atomic_load_explicit(w, memory_order_relaxed);
}

static inline void store(_Atomic uint32_t *w, uint32_t v)
{
	atomic_store_explicit(w, v, memory_order_relaxed);
}

/* "fatal runtime error: WHO: WHAT (type NAME)", a backtrace under T_BACKTRACE,
 * then SIGABRT: a count gone wrong means memory is about to be freed while
 * in use (or never), and nothing after it can be trusted.  The type name,
 * not the address, so tests can pin the message. */
__attribute__((noinline, cold)) _Noreturn static void rc_fatal(const char *who,
                                                               const char *what,
                                                               const void *obj)
{
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	rt_report_cstr(&r, "fatal runtime error: ");
	rt_report_cstr(&r, who);
	rt_report_cstr(&r, ": ");
	rt_report_cstr(&r, what);
	const trt_type *t = hdr(obj)->type;
	if (t != NULL && t->name_len > 0) {
		rt_report_cstr(&r, " (type ");
		rt_report_put(&r, t->name, (size_t)t->name_len);
		rt_report_cstr(&r, ")");
	}
	rt_report_cstr(&r, "\n");
	rt_report_flush(&r);
	rt_backtrace_report_here(rt_backtrace_style());
	rt_abort();
}

void *trt_rc_alloc(const trt_type *type, uint64_t size)
{
	if (type == NULL || type->magic != TRT_TYPE_MAGIC)
		rt_bug("trt_rc_alloc: not a trt_type (bad magic); type at",
		       (int64_t)(uintptr_t)type);
	/* A size this large cannot be satisfied anyway; keep the sum from
	 * wrapping to something small. */
	uint64_t total = size <= UINT64_MAX - TRT_RC_HEADER_SIZE
		? size + TRT_RC_HEADER_SIZE : UINT64_MAX;
	struct trt_rc_header *h = trt_alloc(total);
	store(&h->strong, TRT_RC_ONE);
	store(&h->weak, 1);
	h->type = type;
	return h;
}

/* ---- Freeing ---- */

/* The implicit weak reference (or a real one) goes away; the last frees. */
static void weak_drop(struct trt_rc_header *h, bool shared)
{
	if (!shared) {
		uint32_t w = load(&h->weak);
		/* A stack object's word never comes down to 1: its frame, not the
		 * allocator, owns the memory (TRT_RC_STACK). */
		if (w > 1 && w != TRT_RC_STACK) {
			store(&h->weak, w - 1);
			return;
		}
		if (__builtin_expect(w == 0 || w == TRT_RC_STACK, 0))
			rc_fatal("trt_rc_weak_release", "the weak count is already 0", h);
	} else {
		uint32_t old = atomic_fetch_sub_explicit(&h->weak, 1, memory_order_release);
		if (old != 1) {
			if (__builtin_expect(old == 0, 0))
				rc_fatal("trt_rc_weak_release", "the weak count is already 0", h);
			return;
		}
		atomic_thread_fence(memory_order_acquire);
	}
	trt_free(h);
}

/* ---- Deep chains of drops ----
 *
 * Dropping an object releases what it holds, which may drop that, and so on:
 * a linked list of a million nodes recurses a million drops deep and would
 * run off the stack.  So when less than DEFER_BELOW bytes of the thread's
 * stack are left, a drop is not run but put on this thread's list of
 * deferred drops, and the first drop that finishes with more than
 * DRAIN_ABOVE bytes left runs the list (each of those may defer again, at
 * the same depth).  Drops still run parent before child and each exactly
 * once; only past that depth do they wait for the stack to unwind a little.
 * The list's entries are objects with the shared flag in bit 0 (objects are
 * 16-byte aligned). */
#define DEFER_BELOW (256u * 1024)
#define DRAIN_ABOVE (512u * 1024)

struct deferred_drops {
	uintptr_t *items;
	size_t len, cap;
};
static _Thread_local struct deferred_drops deferred;

static inline void drop_now(struct trt_rc_header *h, bool shared);

static void defer_drop(struct trt_rc_header *h, bool shared)
{
	struct deferred_drops *d = &deferred;
	if (d->len == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 256;
		d->items = trt_realloc(d->items, cap * sizeof *d->items);
		d->cap = cap;
	}
	d->items[d->len++] = (uintptr_t)h | (shared ? 1u : 0u);
}

void rt_rc_run_deferred_drops(void)
{
	struct deferred_drops *d = &deferred;
	while (d->len > 0) {
		uintptr_t e = d->items[--d->len];
		drop_now((struct trt_rc_header *)(e & ~(uintptr_t)1), (e & 1) != 0);
	}
	/* Emptied: give the list back (it is only needed by deep chains, and
	 * the leak check would report it). */
	if (d->items != NULL) {
		trt_free(d->items);
		d->items = NULL;
		d->cap = 0;
	}
}

static inline __attribute__((always_inline)) void drop_now(struct trt_rc_header *h, bool shared)
{
	const trt_type *t = h->type;
	if (t->drop != NULL) {
		t->drop(h);
		if (__builtin_expect((load(&h->strong) & ~TRT_RC_FLAGS) != 0, 0))
			rc_fatal("trt_rc_release", "a drop retained the object it was dropping", h);
	}
	weak_drop(h, shared);
}

/* Where this thread's drops start to be deferred: DEFER_BELOW bytes above
 * the bottom of its stack, 0 when the stack is not known (never defer), and
 * UINTPTR_MAX before the first last release asks rt_stack_lo_here.  One
 * thread-local load and a comparison on every last release. */
static _Thread_local uintptr_t defer_below = UINTPTR_MAX;

__attribute__((noinline, cold)) static bool should_defer(struct trt_rc_header *h, uintptr_t sp)
{
	if (defer_below == UINTPTR_MAX) {
		uintptr_t lo = rt_stack_lo_here();
		defer_below = lo != 0 ? lo + DEFER_BELOW : 0;
		if (sp >= defer_below)
			return false;
	}
	/* A frame object (TRT_RC_STACK) is dropped now whatever the depth:
	 * its memory goes with the frame that is releasing it. */
	return (load(&h->weak) & TRT_RC_STACK) == 0;
}

/* Whether the drop of `h`, whose strong count has just become 0, waits on
 * the deferred list (the stack is nearly used up). */
static inline __attribute__((always_inline)) bool deferred_here(struct trt_rc_header *h, bool shared,
                                                                 uintptr_t sp)
{
	if (__builtin_expect(sp < defer_below, 0) && should_defer(h, sp)) {
		defer_drop(h, shared);
		return true;
	}
	return false;
}

/* After a drop: deferred drops run once the stack has room again. */
static inline __attribute__((always_inline)) void run_deferred_if_room(uintptr_t sp)
{
	if (__builtin_expect(deferred.len != 0, 0) &&
	    (defer_below == 0 || sp >= defer_below - DEFER_BELOW + DRAIN_ABOVE))
		rt_rc_run_deferred_drops();
}

/* The strong count has just become 0 (stored or fetched by the caller). */
__attribute__((noinline)) static void last_release(struct trt_rc_header *h, bool shared)
{
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	if (deferred_here(h, shared, sp))
		return;
	drop_now(h, shared);
	run_deferred_if_room(sp);
}

/* ---- Strong references ---- */

__attribute__((noinline)) static void retain_slow(struct trt_rc_header *h, uint32_t w)
{
	if (w & TRT_RC_IMMORTAL)
		return;
	if (w & TRT_RC_SHARED)
		w = atomic_fetch_add_explicit(&h->strong, TRT_RC_ONE, memory_order_relaxed);
	else
		store(&h->strong, w + TRT_RC_ONE);
	if (__builtin_expect(w & TOP_BIT, 0))
		rc_fatal("trt_rc_retain", "reference count overflow", h);
	if (__builtin_expect((w & ~TRT_RC_FLAGS) == 0, 0))
		rc_fatal("trt_rc_retain", "retained after its strong count reached 0", h);
}

void trt_rc_retain(void *obj)
{
	if (obj == NULL)
		return;
	struct trt_rc_header *h = hdr(obj);
	uint32_t w = load(&h->strong);
	/* One test sends flags, a count about to overflow and a dead object
	 * (w == 0) to the slow path: subtracting ONE leaves the flag bits
	 * alone and turns 0 into a number with the top bit set.  (A count of
	 * exactly 2^29 passes once more and is caught on the next retain:
	 * still far from wrapping.) */
	if (__builtin_expect(((w - TRT_RC_ONE) & (TRT_RC_FLAGS | TOP_BIT)) != 0, 0)) {
		retain_slow(h, w);
		return;
	}
	store(&h->strong, w + TRT_RC_ONE);
}

__attribute__((noinline)) static void release_slow(struct trt_rc_header *h, uint32_t w)
{
	if (w & TRT_RC_IMMORTAL)
		return;
	if (w & TRT_RC_SHARED) {
		uint32_t old = atomic_fetch_sub_explicit(&h->strong, TRT_RC_ONE,
		                                         memory_order_release);
		uint32_t n = old & ~TRT_RC_FLAGS;
		if (n != TRT_RC_ONE) {
			if (__builtin_expect(n == 0, 0))
				rc_fatal("trt_rc_release", "released after its strong count reached 0", h);
			return;
		}
		atomic_thread_fence(memory_order_acquire);
		last_release(h, true);
		return;
	}
	/* Not shared: the count is ONE (the last reference) or 0 (a bug). */
	if (__builtin_expect(w == 0, 0))
		rc_fatal("trt_rc_release", "released after its strong count reached 0", h);
	store(&h->strong, 0);
	last_release(h, false);
}

/* Compiled code tests for the not-last, not-shared case itself (the inline
 * sequence of docs/abi.md) and calls here for everything else, so besides
 * the fast path this function handles the most frequent of those — the last
 * reference to an object not shared, with no weak reference — itself:
 * store 0, the type's drop, free, with no call but the drop and a tail call
 * of trt_free.  Shared, immortal and dead objects, and objects that weak
 * references keep, go on to release_slow and weak_drop as before. */
void trt_rc_release(void *obj)
{
	if (obj == NULL)
		return;
	struct trt_rc_header *h = hdr(obj);
	uint32_t w = load(&h->strong);
	if (__builtin_expect((w & TRT_RC_FLAGS) == 0 && w > TRT_RC_ONE, 1)) {
		store(&h->strong, w - TRT_RC_ONE);
		return;
	}
	if (__builtin_expect(w != TRT_RC_ONE, 0)) {
		release_slow(h, w);
		return;
	}
	store(&h->strong, 0);
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	if (deferred_here(h, false, sp))
		return;
	void (*drop)(void *) = h->type->drop;
	if (drop != NULL) {
		drop(h);
		if (__builtin_expect(load(&h->strong) != 0, 0))
			rc_fatal("trt_rc_release", "a drop retained the object it was dropping", h);
	}
	run_deferred_if_room(sp);
	if (__builtin_expect(load(&h->weak) != 1, 0)) {
		weak_drop(h, false);
		return;
	}
	trt_free(h);
}

/* The last reference to `old` is given up and a new object of `type` is
 * made (the midend's rc-reuse pass fuses a release with the allocation that
 * follows it, docs/midend.md).  When `old` holds the only strong reference,
 * no weak one, is not shared or immortal and has the same type (so the same
 * size), its payload is dropped and its memory becomes the new object:
 * strong count 1, weak count 1, the payload unspecified as trt_rc_alloc's.
 * Otherwise this is trt_rc_release(old) then trt_rc_alloc(type, size). */
void *trt_rc_reuse(void *old, const trt_type *type, uint64_t size)
{
	if (old != NULL) {
		struct trt_rc_header *h = hdr(old);
		if (load(&h->strong) == TRT_RC_ONE && load(&h->weak) == 1 && h->type == type) {
			store(&h->strong, 0);
			if (type->drop != NULL) {
				type->drop(h);
				if (__builtin_expect((load(&h->strong) & ~TRT_RC_FLAGS) != 0, 0))
					rc_fatal("trt_rc_release", "a drop retained the object it was dropping", h);
			}
			/* A drop that made a weak reference to its own object keeps
			 * the memory for that reference: free as last_release would. */
			if (__builtin_expect(load(&h->weak) == 1, 1)) {
				store(&h->strong, TRT_RC_ONE);
				return h;
			}
			weak_drop(h, false);
			return trt_rc_alloc(type, size);
		}
		trt_rc_release(old);
	}
	return trt_rc_alloc(type, size);
}

bool trt_rc_is_unique(void *obj)
{
	struct trt_rc_header *h = hdr(obj);
	uint32_t w = load(&h->strong);
	if (w & TRT_RC_IMMORTAL)
		return false;
	if (!(w & TRT_RC_SHARED))
		return w == TRT_RC_ONE && (load(&h->weak) & ~TRT_RC_STACK) == 1;
	/* Shared: lock the weak count while reading the strong one (Rust's
	 * Arc::is_unique).  Without the lock, another thread could upgrade a
	 * weak reference and drop that weak reference between our two loads,
	 * and both counts would read 1 while two strong references exist.
	 * With weak == 1 there is no Weak to upgrade, and a new one can only
	 * be made from a strong reference, which trt_rc_weak_retain does only
	 * after waiting for the lock. */
	uint32_t one = 1;
	if (!atomic_compare_exchange_strong_explicit(&h->weak, &one, TRT_RC_WEAK_LOCKED,
	                                             memory_order_acquire,
	                                             memory_order_relaxed))
		return false;
	bool unique = (atomic_load_explicit(&h->strong, memory_order_acquire) &
	               ~TRT_RC_FLAGS) == TRT_RC_ONE;
	atomic_store_explicit(&h->weak, 1, memory_order_release);
	return unique;
}

/* ---- Weak references ---- */

void trt_rc_weak_retain(void *obj)
{
	if (obj == NULL)
		return;
	struct trt_rc_header *h = hdr(obj);
	uint32_t s = load(&h->strong);
	if (s & TRT_RC_IMMORTAL)
		return;
	if (!(s & TRT_RC_SHARED)) {
		uint32_t w = load(&h->weak);
		if (__builtin_expect(w >= TOP_BIT, 0))
			rc_fatal("trt_rc_weak_retain", "weak count overflow", h);
		store(&h->weak, w + 1);
		return;
	}
	uint32_t w = load(&h->weak);
	for (;;) {
		if (w == TRT_RC_WEAK_LOCKED) {
			rt_arch_cpu_relax();
			w = load(&h->weak);
			continue;
		}
		if (__builtin_expect(w >= TOP_BIT, 0))
			rc_fatal("trt_rc_weak_retain", "weak count overflow", h);
		/* Acquire pairs with trt_rc_is_unique's unlock. */
		if (atomic_compare_exchange_weak_explicit(&h->weak, &w, w + 1,
		                                          memory_order_acquire,
		                                          memory_order_relaxed))
			return;
	}
}

void trt_rc_weak_release(void *obj)
{
	if (obj == NULL)
		return;
	struct trt_rc_header *h = hdr(obj);
	uint32_t s = load(&h->strong);
	if (s & TRT_RC_IMMORTAL)
		return;
	weak_drop(h, (s & TRT_RC_SHARED) != 0);
}

void *trt_rc_weak_upgrade(void *obj)
{
	struct trt_rc_header *h = hdr(obj);
	uint32_t w = load(&h->strong);
	if (w & TRT_RC_IMMORTAL)
		return obj;
	if (!(w & TRT_RC_SHARED)) {
		if ((w & ~TRT_RC_FLAGS) == 0)
			return NULL;
		if (__builtin_expect(w & TOP_BIT, 0))
			rc_fatal("trt_rc_weak_upgrade", "reference count overflow", h);
		store(&h->strong, w + TRT_RC_ONE);
		return obj;
	}
	/* Shared: increment only while the count is not 0, or a thread that
	 * has already started dropping would see its object come back. */
	for (;;) {
		if ((w & ~TRT_RC_FLAGS) == 0)
			return NULL;
		if (__builtin_expect(w & TOP_BIT, 0))
			rc_fatal("trt_rc_weak_upgrade", "reference count overflow", h);
		if (atomic_compare_exchange_weak_explicit(&h->strong, &w, w + TRT_RC_ONE,
		                                          memory_order_acquire,
		                                          memory_order_relaxed))
			return obj;
	}
}

uint32_t trt_rc_strong_count(const void *obj)
{
	uint32_t w = load(&hdr(obj)->strong);
	if (w & TRT_RC_IMMORTAL)
		return 1;
	return w / TRT_RC_ONE;
}

uint32_t trt_rc_weak_count(const void *obj)
{
	struct trt_rc_header *h = hdr(obj);
	uint32_t s = load(&h->strong);
	if (s & TRT_RC_IMMORTAL)
		return 0;
	uint32_t w = load(&h->weak);
	if (w == TRT_RC_WEAK_LOCKED)
		return 0; /* locked only while weak == 1: no weak references */
	w &= ~TRT_RC_STACK;
	return (s & ~TRT_RC_FLAGS) != 0 ? w - 1 : w;
}

/* ---- Sharing ---- */

/* Objects whose flag is set but whose references are not visited yet.  A
 * stack, so the walk is depth-first with no recursion: a long chain of
 * objects needs no deep C stack. */
struct share_work {
	void **items;
	size_t len, cap;
	void *inline_items[SHARE_INLINE];
};

static void share_push(struct share_work *s, void *obj)
{
	if (s->len == s->cap) {
		size_t cap = s->cap * 2;
		void **more = trt_alloc(cap * sizeof(void *));
		memcpy(more, s->items, s->len * sizeof(void *));
		if (s->items != s->inline_items)
			trt_free(s->items);
		s->items = more;
		s->cap = cap;
	}
	s->items[s->len++] = obj;
}

/* Sets the flag with a plain store: an object not yet shared is reachable
 * from the calling task alone (the invariant), so nobody races with it. */
static void share_one(void *obj, void *ctx)
{
	if (obj == NULL)
		return;
	struct trt_rc_header *h = hdr(obj);
	uint32_t w = load(&h->strong);
	if (w & TRT_RC_FLAGS)
		return; /* already shared (and so is everything it reaches) or immortal */
	store(&h->strong, w | TRT_RC_SHARED);
	if (h->type->visit != NULL)
		share_push(ctx, obj);
}

void trt_rc_share(void *obj)
{
	struct share_work s;
	s.items = s.inline_items;
	s.len = 0;
	s.cap = SHARE_INLINE;
	share_one(obj, &s);
	while (s.len > 0) {
		struct trt_rc_header *h = s.items[--s.len];
		h->type->visit(h, share_one, &s);
	}
	if (s.items != s.inline_items)
		trt_free(s.items);
}
