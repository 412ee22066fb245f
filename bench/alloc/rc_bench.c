/*
 * rc_bench.c — what the "shared" bit of reference-counted objects buys:
 * retain/release on objects whose counts are plain against objects whose
 * counts are atomic, through the runtime's entry points and as the inline
 * sequences tcc emits (docs/abi.md, "The inline sequences"), plus
 * the one-time cost of trt_rc_share and a workload that allocates, counts
 * and drops a tree.  Linked with T's runtime like a T program
 * (bench/alloc/run --rc builds and runs it); prints a Markdown table.
 *
 * Every loop works on an object pointer the compiler cannot see through
 * (opaque()), so no retain/release pair is folded away: the runtime calls
 * are external, and the inline loops re-load the pointer each iteration.
 */
#include <stdatomic.h>

#include "trt.h"
#include "internal.h"
#include "os.h"

#define PAIRS 100000000ull

static void *opaque(void *p)
{
	__asm__ volatile("" : "+r"(p));
	return p;
}

static void out(const char *s)
{
	trt_write(TRT_STDOUT, (const uint8_t *)s, (int64_t)rt_cstr_len(s));
}

/* Prints ns with two decimals (the runtime has no float formatting in
 * this build path worth pulling in; fixed point is enough). */
static void out_ns(uint64_t total_ns, uint64_t n)
{
	uint64_t centi = (total_ns * 100 + n / 2) / n;
	trt_write_u64(TRT_STDOUT, centi / 100);
	out(".");
	if (centi % 100 < 10)
		out("0");
	trt_write_u64(TRT_STDOUT, centi % 100);
}

static void row(const char *what, uint64_t ns, uint64_t n, const char *unit)
{
	out("| ");
	out(what);
	out(" | ");
	out_ns(ns, n);
	out(" ns ");
	out(unit);
	out(" |\n");
}

struct node {
	struct trt_rc_header h;
	struct node *left, *right;
};

static void node_drop(void *obj)
{
	struct node *n = obj;
	trt_rc_release(n->left);
	trt_rc_release(n->right);
}

static void node_visit(void *obj, trt_rc_visitor fn, void *ctx)
{
	struct node *n = obj;
	if (n->left)
		fn(n->left, ctx);
	if (n->right)
		fn(n->right, ctx);
}

static const trt_type node_type = {
	.magic = TRT_TYPE_MAGIC,
	.drop = node_drop,
	.visit = node_visit,
	.name = (const uint8_t *)"bench::Node",
	.name_len = 11,
};

static struct node *node(struct node *l, struct node *r)
{
	struct node *n = trt_rc_alloc(&node_type, sizeof(struct node) - TRT_RC_HEADER_SIZE);
	n->left = l;
	n->right = r;
	return n;
}

/* ---- Through the entry points ---- */

static uint64_t calls(void *o, uint64_t pairs)
{
	uint64_t t0 = os_monotonic_ns();
	for (uint64_t i = 0; i < pairs; i++) {
		void *p = opaque(o);
		trt_rc_retain(p);
		trt_rc_release(p);
	}
	return os_monotonic_ns() - t0;
}

/* Ten retains, then ten releases: a count that moves, as when a value is
 * copied into several places and they go away later. */
static uint64_t calls_burst(void *o, uint64_t pairs)
{
	uint64_t t0 = os_monotonic_ns();
	for (uint64_t i = 0; i < pairs / 10; i++) {
		void *p = opaque(o);
		for (int k = 0; k < 10; k++)
			trt_rc_retain(opaque(p));
		for (int k = 0; k < 10; k++)
			trt_rc_release(opaque(p));
	}
	return os_monotonic_ns() - t0;
}

static uint64_t unique_calls(void *o, uint64_t n)
{
	uint64_t t0 = os_monotonic_ns();
	uint64_t yes = 0;
	for (uint64_t i = 0; i < n; i++)
		yes += trt_rc_is_unique(opaque(o));
	uint64_t t = os_monotonic_ns() - t0;
	if (yes != n)
		out("is_unique answered false\n");
	return t;
}

/* ---- Inline: the sequences compiled code could emit itself ---- */

static uint64_t inline_plain(void *o, uint64_t pairs)
{
	uint64_t t0 = os_monotonic_ns();
	for (uint64_t i = 0; i < pairs; i++) {
		struct trt_rc_header *h = opaque(o);
		uint32_t w = atomic_load_explicit(&h->strong, memory_order_relaxed);
		if (__builtin_expect(((w - TRT_RC_ONE) & (TRT_RC_FLAGS | 0x80000000u)) != 0, 0))
			trt_rc_retain(h);
		else
			atomic_store_explicit(&h->strong, w + TRT_RC_ONE, memory_order_relaxed);
		h = opaque(h);
		w = atomic_load_explicit(&h->strong, memory_order_relaxed);
		if (__builtin_expect((w & TRT_RC_FLAGS) == 0 && w > TRT_RC_ONE, 1))
			atomic_store_explicit(&h->strong, w - TRT_RC_ONE, memory_order_relaxed);
		else
			trt_rc_release(h);
	}
	return os_monotonic_ns() - t0;
}

/* Rust's Rc: plain counts, no flag to test (and no way to share). */
static uint64_t inline_unflagged(void *o, uint64_t pairs)
{
	uint64_t t0 = os_monotonic_ns();
	for (uint64_t i = 0; i < pairs; i++) {
		struct trt_rc_header *h = opaque(o);
		uint32_t w = atomic_load_explicit(&h->strong, memory_order_relaxed);
		atomic_store_explicit(&h->strong, w + TRT_RC_ONE, memory_order_relaxed);
		h = opaque(h);
		w = atomic_load_explicit(&h->strong, memory_order_relaxed);
		if (__builtin_expect(w == TRT_RC_ONE, 0))
			trt_rc_release(h);
		else
			atomic_store_explicit(&h->strong, w - TRT_RC_ONE, memory_order_relaxed);
	}
	return os_monotonic_ns() - t0;
}

/* What "every count is atomic" (Swift, Arc everywhere) costs inline. */
static uint64_t inline_atomic(void *o, uint64_t pairs)
{
	uint64_t t0 = os_monotonic_ns();
	for (uint64_t i = 0; i < pairs; i++) {
		struct trt_rc_header *h = opaque(o);
		atomic_fetch_add_explicit(&h->strong, TRT_RC_ONE, memory_order_relaxed);
		h = opaque(h);
		if (atomic_fetch_sub_explicit(&h->strong, TRT_RC_ONE, memory_order_release) ==
		    (TRT_RC_ONE | TRT_RC_SHARED)) {
			atomic_thread_fence(memory_order_acquire);
			out("unexpected last release\n");
		}
	}
	return os_monotonic_ns() - t0;
}

/* ---- Contention ---- */

struct job {
	void *o;
	uint64_t pairs, ns;
	_Atomic int *go;
};

static void hammer(void *arg)
{
	struct job *j = arg;
	while (!atomic_load_explicit(j->go, memory_order_acquire))
		;
	j->ns = calls(j->o, j->pairs);
}

static uint64_t contended(void *o, int threads, uint64_t pairs)
{
	_Atomic int go = 0;
	struct job jobs[4];
	struct rt_thread *t[4];
	for (int i = 0; i < threads; i++) {
		jobs[i] = (struct job){ .o = o, .pairs = pairs, .go = &go };
		t[i] = rt_thread_spawn(hammer, &jobs[i], 0);
	}
	atomic_store_explicit(&go, 1, memory_order_release);
	uint64_t worst = 0;
	for (int i = 0; i < threads; i++) {
		rt_thread_join(t[i]);
		if (jobs[i].ns > worst)
			worst = jobs[i].ns;
	}
	return worst;
}

/* ---- A workload: trees built, walked with counted references, dropped ---- */

static struct node *tree(int depth)
{
	if (depth == 0)
		return node(NULL, NULL);
	return node(tree(depth - 1), tree(depth - 1));
}

/* Every visit holds a counted reference to the node it is at, as code
 * that copies references around does. */
static uint64_t walk(struct node *n)
{
	if (n == NULL)
		return 0;
	trt_rc_retain(n);
	uint64_t c = 1 + walk(n->left) + walk(n->right);
	trt_rc_release(n);
	return c;
}

static uint64_t trees(bool shared, uint64_t *nodes)
{
	uint64_t t0 = os_monotonic_ns();
	uint64_t count = 0;
	for (int round = 0; round < 20; round++) {
		struct node *t = tree(16);
		if (shared)
			trt_rc_share(t);
		for (int k = 0; k < 5; k++)
			count += walk(t);
		trt_rc_release(t);
	}
	*nodes = count;
	return os_monotonic_ns() - t0;
}

int32_t t_entry(void)
{
	struct node *plain = node(NULL, NULL);
	struct node *shared = node(NULL, NULL);
	trt_rc_share(shared);

	/* Warm up the loops and the CPU's frequency. */
	(void)calls(plain, PAIRS / 10);

	out("| operation (x86-64 or AArch64, one thread unless said) | time |\n");
	out("| --- | --- |\n");
	row("retain+release, not shared (runtime calls)", calls(plain, PAIRS), PAIRS, "per pair");
	row("retain+release, shared (runtime calls)", calls(shared, PAIRS), PAIRS, "per pair");
	row("10 retains then 10 releases, not shared (calls)", calls_burst(plain, PAIRS), PAIRS, "per pair");
	row("10 retains then 10 releases, shared (calls)", calls_burst(shared, PAIRS), PAIRS, "per pair");
	row("retain+release, not shared (inline sequence)", inline_plain(plain, PAIRS), PAIRS, "per pair");
	row("retain+release, plain with no flag test, as Rust's Rc (inline)",
	    inline_unflagged(plain, PAIRS), PAIRS, "per pair");
	row("retain+release, always atomic (inline sequence)", inline_atomic(shared, PAIRS), PAIRS, "per pair");
	row("is_unique, not shared", unique_calls(plain, PAIRS), PAIRS, "per call");
	row("is_unique, shared (locks the weak count)", unique_calls(shared, PAIRS), PAIRS, "per call");
	row("retain+release, shared, 2 threads on one object", contended(shared, 2, PAIRS / 4),
	    PAIRS / 4, "per pair per thread");

	/* Marking: one object referencing a chain of N objects. */
	enum { N = 1000000 };
	struct node *chain = NULL;
	for (int i = 0; i < N; i++)
		chain = node(NULL, chain);
	uint64_t t0 = os_monotonic_ns();
	trt_rc_share(chain);
	row("trt_rc_share of a graph, per object marked", os_monotonic_ns() - t0, N, "per object");
	t0 = os_monotonic_ns();
	for (int i = 0; i < N; i++)
		trt_rc_share(opaque(chain));
	row("trt_rc_share of an object already shared", os_monotonic_ns() - t0, N, "per call");
	/* Freed iteratively: a million nested drops would be deep recursion. */
	while (chain != NULL) {
		struct node *next = chain->right; /* its reference moves here */
		chain->right = NULL;
		trt_rc_release(chain);
		chain = next;
	}

	uint64_t n1, n2;
	uint64_t tp = trees(false, &n1);
	uint64_t ts = trees(true, &n2);
	row("tree of 2^17 nodes: build, 5 counted walks, drop; not shared", tp, n1, "per node visit");
	row("the same, shared (trt_rc_share after building)", ts, n2, "per node visit");

	trt_rc_release(plain);
	trt_rc_release(shared);
	return 0;
}
