/*
 * rc_basic — reference-counted objects on one thread (rc.c): the header
 * trt_rc_alloc builds, retain and release, the order in which drops run
 * (a parent's drop first, then what it releases, field by field, depth
 * first), memory freed only when the last reference of either kind goes,
 * weak references and upgrades that fail once the object is dropped,
 * is_unique for copy-on-write, immortal objects in read-only memory that
 * are never written, NULL, trt_rc_reuse, and trt_rc_share marking a whole object graph
 * (wide enough to overflow its inline work list, cyclic through weak
 * references) while the counts keep working.
 *
 * Prints one line per section; a failing check prints FAIL with what it
 * saw instead.
 */
#include <stdatomic.h>

#include "trt.h"
#include "internal.h"

static int failures;

static void out(const char *s)
{
	trt_write(TRT_STDOUT, (const uint8_t *)s, (int64_t)rt_cstr_len(s));
}

static void check(bool ok, const char *what, uint64_t a, uint64_t b)
{
	if (ok)
		return;
	failures++;
	out("FAIL ");
	out(what);
	out(" ");
	trt_write_u64(TRT_STDOUT, a);
	out(" ");
	trt_write_u64(TRT_STDOUT, b);
	out("\n");
}

static void section(const char *name, int before)
{
	out(name);
	out(failures == before ? ": ok\n" : ": FAILED\n");
}

static uint64_t live_blocks(void)
{
	struct trt_mem_stats s;
	trt_mem_stats(&s);
	return s.live_blocks;
}

/* ---- A node type: a name, two strong children and a weak link ---- */

struct node {
	struct trt_rc_header h;
	char name;
	struct node *left, *right; /* strong */
	struct node *weak;         /* weak */
};

/* Drops are logged as their names, in order. */
static char drop_log[64];
static unsigned drop_len;

static void node_drop(void *obj)
{
	struct node *n = obj;
	if (drop_len < sizeof drop_log - 1)
		drop_log[drop_len++] = n->name;
	trt_rc_release(n->left);
	trt_rc_release(n->right);
	trt_rc_weak_release(n->weak);
}

static void node_visit(void *obj, trt_rc_visitor fn, void *ctx)
{
	struct node *n = obj;
	if (n->left)
		fn(n->left, ctx);
	if (n->right)
		fn(n->right, ctx);
	if (n->weak)
		fn(n->weak, ctx);
}

static const trt_type node_type = {
	.magic = TRT_TYPE_MAGIC,
	.drop = node_drop,
	.visit = node_visit,
	.name = (const uint8_t *)"test::Node",
	.name_len = 10,
};

/* A type with nothing to drop or visit (a buffer of plain numbers). */
static const trt_type bytes_type = {
	.magic = TRT_TYPE_MAGIC,
	.name = (const uint8_t *)"Bytes",
	.name_len = 5,
};

static struct node *node(char name, struct node *left, struct node *right)
{
	struct node *n = trt_rc_alloc(&node_type, sizeof(struct node) - TRT_RC_HEADER_SIZE);
	n->name = name;
	n->left = left;
	n->right = right;
	n->weak = NULL;
	return n;
}

static bool drops_were(const char *want)
{
	drop_log[drop_len] = '\0';
	size_t n = rt_cstr_len(want);
	return drop_len == n && memcmp(drop_log, want, n) == 0;
}

static void reset_drops(void)
{
	drop_len = 0;
}

static bool is_shared(const void *obj)
{
	return (atomic_load_explicit(&((const struct trt_rc_header *)obj)->strong,
	                             memory_order_relaxed) & TRT_RC_SHARED) != 0;
}

/* ---- Sections ---- */

static void header(void)
{
	int before = failures;
	uint64_t base = live_blocks();
	struct node *n = node('a', NULL, NULL);
	const struct trt_rc_header *h = &n->h;
	check(((uintptr_t)n & 15) == 0, "object alignment", (uintptr_t)n & 15, 0);
	check(atomic_load(&h->strong) == TRT_RC_ONE, "strong word", atomic_load(&h->strong), 0);
	check(atomic_load(&h->weak) == 1, "weak word", atomic_load(&h->weak), 0);
	check(h->type == &node_type, "type pointer", 0, 0);
	check(trt_rc_strong_count(n) == 1 && trt_rc_weak_count(n) == 0, "counts",
	      trt_rc_strong_count(n), trt_rc_weak_count(n));
	check(live_blocks() == base + 1, "one block", live_blocks(), base);
	/* A payload of 0 bytes and one of a megabyte (a large block). */
	void *empty = trt_rc_alloc(&bytes_type, 0);
	uint8_t *big = trt_rc_alloc(&bytes_type, 1 << 20);
	memset(big + TRT_RC_HEADER_SIZE, 0xab, 1 << 20);
	check(trt_alloc_usable_size(big) >= (1 << 20) + TRT_RC_HEADER_SIZE, "big payload",
	      trt_alloc_usable_size(big), 0);
	trt_rc_release(empty);
	trt_rc_release(big);
	trt_rc_release(n);
	check(live_blocks() == base, "all freed", live_blocks(), base);
	section("header and allocation", before);
}

static void counting(void)
{
	int before = failures;
	uint64_t base = live_blocks();
	reset_drops();
	struct node *n = node('x', NULL, NULL);
	for (int i = 0; i < 1000; i++)
		trt_rc_retain(n);
	check(trt_rc_strong_count(n) == 1001, "after 1000 retains", trt_rc_strong_count(n), 0);
	for (int i = 0; i < 1000; i++)
		trt_rc_release(n);
	check(trt_rc_strong_count(n) == 1 && drop_len == 0, "after 1000 releases",
	      trt_rc_strong_count(n), drop_len);
	trt_rc_release(n);
	check(drops_were("x"), "dropped once", drop_len, 0);
	check(live_blocks() == base, "freed", live_blocks(), base);
	/* NULL is ignored by every retain and release. */
	trt_rc_retain(NULL);
	trt_rc_release(NULL);
	trt_rc_weak_retain(NULL);
	trt_rc_weak_release(NULL);
	trt_rc_share(NULL);
	section("retain and release", before);
}

static void drop_order(void)
{
	int before = failures;
	uint64_t base = live_blocks();
	reset_drops();
	/*        p
	 *      /   \
	 *     a     b        c is referenced twice (by a and b): it goes
	 *    / \     \       when b releases the second reference, after
	 *   d   c     c      a's subtree.  */
	struct node *d = node('d', NULL, NULL);
	struct node *c = node('c', NULL, NULL);
	trt_rc_retain(c);
	struct node *a = node('a', d, c);
	struct node *b = node('b', NULL, c);
	struct node *p = node('p', a, b);
	check(trt_rc_strong_count(c) == 2, "c twice", trt_rc_strong_count(c), 0);
	trt_rc_release(p);
	check(drops_were("padbc"), "parent first, depth first, field order", drop_len, 0);
	check(live_blocks() == base, "the tree is freed", live_blocks(), base);
	section("drop order", before);
}

static void weak(void)
{
	int before = failures;
	uint64_t base = live_blocks();
	reset_drops();
	struct node *n = node('w', NULL, NULL);
	trt_rc_weak_retain(n);
	trt_rc_weak_retain(n);
	check(trt_rc_weak_count(n) == 2 && trt_rc_strong_count(n) == 1, "two weak",
	      trt_rc_weak_count(n), trt_rc_strong_count(n));
	struct node *up = trt_rc_weak_upgrade(n);
	check(up == n && trt_rc_strong_count(n) == 2, "upgrade while alive",
	      up == n, trt_rc_strong_count(n));
	trt_rc_release(up);
	trt_rc_release(n);
	check(drops_were("w"), "dropped by the last strong release", drop_len, 0);
	check(live_blocks() == base + 1, "memory kept for the weak references",
	      live_blocks(), base);
	check(trt_rc_weak_upgrade(n) == NULL, "upgrade after death fails", 0, 0);
	check(trt_rc_strong_count(n) == 0 && trt_rc_weak_count(n) == 2,
	      "dead counts", trt_rc_strong_count(n), trt_rc_weak_count(n));
	trt_rc_weak_release(n);
	check(live_blocks() == base + 1, "one weak left", live_blocks(), base);
	trt_rc_weak_release(n);
	check(live_blocks() == base, "freed by the last weak release", live_blocks(), base);
	/* A weak reference to itself, given up by its own drop: the drop
	 * releases it while the implicit weak count still holds the memory. */
	reset_drops();
	struct node *self = node('s', NULL, NULL);
	trt_rc_weak_retain(self);
	self->weak = self;
	trt_rc_release(self);
	check(drops_were("s") && live_blocks() == base, "self-weak", drop_len, live_blocks() - base);
	section("weak references", before);
}

static void unique(void)
{
	int before = failures;
	reset_drops();
	struct node *n = node('u', NULL, NULL);
	check(trt_rc_is_unique(n), "new object", 0, 0);
	trt_rc_retain(n);
	check(!trt_rc_is_unique(n), "two strong", 0, 0);
	trt_rc_release(n);
	check(trt_rc_is_unique(n), "one strong again", 0, 0);
	trt_rc_weak_retain(n);
	check(!trt_rc_is_unique(n), "a weak reference exists", 0, 0);
	trt_rc_weak_release(n);
	check(trt_rc_is_unique(n), "weak gone", 0, 0);
	/* The same on a shared object (the locked path). */
	trt_rc_share(n);
	check(trt_rc_is_unique(n), "shared, unique", 0, 0);
	trt_rc_retain(n);
	check(!trt_rc_is_unique(n), "shared, two strong", 0, 0);
	trt_rc_release(n);
	trt_rc_weak_retain(n);
	check(!trt_rc_is_unique(n), "shared, a weak reference", 0, 0);
	check(atomic_load(&n->h.weak) == 2, "weak word unlocked", atomic_load(&n->h.weak), 0);
	trt_rc_weak_release(n);
	check(trt_rc_is_unique(n) && atomic_load(&n->h.weak) == 1, "shared, unique again",
	      atomic_load(&n->h.weak), 0);
	trt_rc_release(n);
	check(drops_were("u"), "dropped", drop_len, 0);
	section("is_unique", before);
}

/* An immortal object as the compiler emits a constant: in read-only data,
 * so any write by the runtime would fault. */
static const struct node immortal = {
	.h = { .strong = TRT_RC_IMMORTAL, .weak = 0, .type = &node_type },
	.name = 'i',
};

static void immortals(void)
{
	int before = failures;
	reset_drops();
	void *o = (void *)&immortal;
	for (int i = 0; i < 10; i++)
		trt_rc_retain(o);
	for (int i = 0; i < 20; i++)
		trt_rc_release(o);
	trt_rc_weak_retain(o);
	trt_rc_weak_release(o);
	trt_rc_weak_release(o);
	trt_rc_share(o);
	check(trt_rc_weak_upgrade(o) == o, "upgrade", 0, 0);
	check(!trt_rc_is_unique(o), "never unique", 0, 0);
	check(trt_rc_strong_count(o) == 1 && trt_rc_weak_count(o) == 0, "counts",
	      trt_rc_strong_count(o), trt_rc_weak_count(o));
	check(drop_len == 0, "never dropped", drop_len, 0);
	section("immortal objects", before);
}

#define WIDE 300

struct wide {
	struct trt_rc_header h;
	uint32_t n;
	void *child[WIDE];
};

static void wide_drop(void *obj)
{
	struct wide *w = obj;
	for (uint32_t i = 0; i < w->n; i++)
		trt_rc_release(w->child[i]);
}

static void wide_visit(void *obj, trt_rc_visitor fn, void *ctx)
{
	struct wide *w = obj;
	for (uint32_t i = 0; i < w->n; i++)
		fn(w->child[i], ctx);
}

static const trt_type wide_type = {
	.magic = TRT_TYPE_MAGIC,
	.drop = wide_drop,
	.visit = wide_visit,
	.name = (const uint8_t *)"test::Wide",
	.name_len = 10,
};

static void sharing(void)
{
	int before = failures;
	uint64_t base = live_blocks();
	reset_drops();
	/* root -> a -> (d, c), root -> b -> c; c has a weak link back to
	 * root (a cycle through a weak reference), e is outside the graph. */
	struct node *d = node('d', NULL, NULL);
	struct node *c = node('c', NULL, NULL);
	trt_rc_retain(c);
	struct node *a = node('a', d, c);
	struct node *b = node('b', NULL, c);
	struct node *root = node('r', a, b);
	trt_rc_weak_retain(root);
	c->weak = root;
	struct node *e = node('e', NULL, NULL);
	trt_rc_share(root);
	check(is_shared(root) && is_shared(a) && is_shared(b) && is_shared(c) && is_shared(d),
	      "every object reachable is shared", 0, 0);
	check(!is_shared(e), "others are not", 0, 0);
	/* Counting on shared objects. */
	trt_rc_retain(c);
	check(trt_rc_strong_count(c) == 3, "shared retain", trt_rc_strong_count(c), 0);
	trt_rc_release(c);
	struct node *r2 = trt_rc_weak_upgrade(c->weak);
	check(r2 == root && trt_rc_strong_count(root) == 2, "shared upgrade",
	      trt_rc_strong_count(root), 0);
	trt_rc_release(r2);
	trt_rc_release(root);
	check(drops_were("radbc"), "shared drop order", drop_len, 0);
	trt_rc_release(e);
	check(live_blocks() == base, "all freed", live_blocks(), base);

	/* A node with 300 children, each with its own child: the work list
	 * outgrows its 64 inline entries. */
	struct wide *w = trt_rc_alloc(&wide_type, sizeof(struct wide) - TRT_RC_HEADER_SIZE);
	w->n = WIDE;
	for (int i = 0; i < WIDE; i++)
		w->child[i] = node('k', node('l', NULL, NULL), NULL);
	trt_rc_share(w);
	bool all = is_shared(w);
	for (int i = 0; i < WIDE; i++)
		all = all && is_shared(w->child[i]) &&
		      is_shared(((struct node *)w->child[i])->left);
	check(all, "wide graph shared", 0, 0);
	trt_rc_release(w);
	check(live_blocks() == base, "wide graph freed", live_blocks(), base);

	/* A chain of 5,000 objects: the walk needs no recursion. */
	struct node *chain = NULL;
	for (int i = 0; i < 5000; i++)
		chain = node('z', chain, NULL);
	trt_rc_share(chain);
	int shared = 0;
	for (struct node *n = chain; n != NULL; n = n->left)
		shared += is_shared(n);
	check(shared == 5000, "chain shared", (uint64_t)shared, 0);
	trt_rc_release(chain);
	check(live_blocks() == base, "chain freed", live_blocks(), base);
	section("sharing", before);
}

/* trt_rc_reuse: the last reference's memory becomes the new object (after
 * the old payload's drop); anything else releases and allocates. */
static void reuse(void)
{
	int before = failures;
	uint64_t base = live_blocks();
	reset_drops();
	size_t payload = sizeof(struct node) - TRT_RC_HEADER_SIZE;
	struct node *child = node('c', NULL, NULL);
	struct node *old = node('o', child, NULL);
	struct node *n = trt_rc_reuse(old, &node_type, payload);
	check(n == old, "same memory", (uintptr_t)n, (uintptr_t)old);
	check(drops_were("oc"), "old payload dropped", drop_len, 0);
	check(trt_rc_strong_count(n) == 1 && trt_rc_weak_count(n) == 0, "fresh counts",
	      trt_rc_strong_count(n), trt_rc_weak_count(n));
	check(live_blocks() == base + 1, "one block left", live_blocks(), base);
	n->name = 'n';
	n->left = n->right = n->weak = NULL;
	/* A second strong reference: released, and a new block. */
	trt_rc_retain(n);
	struct node *m = trt_rc_reuse(n, &node_type, payload);
	check(m != n && trt_rc_strong_count(n) == 1, "shared object kept", trt_rc_strong_count(n), 0);
	m->name = 'm';
	m->left = m->right = m->weak = NULL;
	/* A weak reference: the old object dies (its upgrade fails), a new block. */
	trt_rc_weak_retain(n);
	reset_drops();
	struct node *k = trt_rc_reuse(n, &node_type, payload);
	check(k != n && drops_were("n"), "weakly referenced object dropped, not reused", drop_len, 0);
	check(trt_rc_weak_upgrade(n) == NULL, "its weak reference sees it dead", 0, 0);
	trt_rc_weak_release(n);
	k->name = 'k';
	k->left = k->right = k->weak = NULL;
	/* Another type: released, and a new block of the right type. */
	void *bytes = trt_rc_reuse(k, &bytes_type, 8);
	check(((struct trt_rc_header *)bytes)->type == &bytes_type, "new type", 0, 0);
	/* NULL: just an allocation. */
	struct node *z = trt_rc_reuse(NULL, &node_type, payload);
	z->left = z->right = z->weak = NULL;
	trt_rc_release(z);
	trt_rc_release(bytes);
	trt_rc_release(m);
	check(live_blocks() == base, "all freed", live_blocks(), base);
	section("reuse", before);
}

int32_t t_entry(void)
{
	header();
	counting();
	drop_order();
	weak();
	unique();
	immortals();
	sharing();
	reuse();
	return failures == 0 ? 0 : 1;
}
