/*
 * alloc_basic — the allocator's contract, one entry point at a time
 * (alloc*.c): every size class at and around its boundaries, usable sizes,
 * 16-byte alignment, zero-size blocks, zeroed blocks (also when the memory
 * was used before), aligned blocks from 32 bytes to 2 MiB, realloc in place
 * (same class, shrink by less than half, large blocks through mremap) and
 * moving (small to small, small to large, large to small), contents kept
 * every time, the statistics, the cache of freed large mappings, and
 * borrowing from a bigger class.
 *
 * Prints one line per section; a failing check prints FAIL with what it
 * saw instead.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

static int failures;

static void out(const char *s)
{
	trt_write(TRT_STDOUT, (const uint8_t *)s, (int64_t)rt_cstr_len(s));
}

static void fail(const char *what, uint64_t a, uint64_t b)
{
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

/* A pattern that depends on the block's identity and each byte's position,
 * so a lost, shifted or overlapping copy is caught. */
static void fill(uint8_t *p, uint64_t n, uint32_t seed)
{
	for (uint64_t i = 0; i < n; i++)
		p[i] = (uint8_t)(seed * 131 + i * 7 + (i >> 8));
}

static int intact(const uint8_t *p, uint64_t n, uint32_t seed)
{
	for (uint64_t i = 0; i < n; i++)
		if (p[i] != (uint8_t)(seed * 131 + i * 7 + (i >> 8)))
			return 0;
	return 1;
}

/* The size classes, as docs/runtime.md lists them. */
static uint64_t class_size(int c)
{
	if (c < 32)
		return 16 * (uint64_t)(c + 1);
	int k = c - 32;
	return (uint64_t)((k & 7) + 9) << (k / 8 + 6);
}

static void classes(void)
{
	int before = failures;
	for (int c = 0; c < 104; c++) {
		uint64_t cs = class_size(c);
		uint64_t lo = c == 0 ? 1 : class_size(c - 1) + 1;
		uint64_t sizes[3] = { lo, (lo + cs) / 2, cs };
		void *keep[3];
		for (int i = 0; i < 3; i++) {
			uint8_t *p = trt_alloc(sizes[i]);
			keep[i] = p;
			if (((uintptr_t)p & 15) != 0)
				fail("alignment of class", (uint64_t)c, (uintptr_t)p & 15);
			if (trt_alloc_usable_size(p) != cs)
				fail("usable size of class", cs, trt_alloc_usable_size(p));
			fill(p, sizes[i], (uint32_t)(c * 3 + i));
		}
		for (int i = 0; i < 3; i++) {
			if (!intact(keep[i], sizes[i], (uint32_t)(c * 3 + i)))
				fail("contents of class", (uint64_t)c, (uint64_t)i);
			trt_free(keep[i]);
		}
	}
	/* One past the largest class is a large block: page-sized usable. */
	uint8_t *big = trt_alloc(256 * 1024 + 1);
	if (trt_alloc_usable_size(big) < 256 * 1024 + 1 ||
	    ((uintptr_t)big & 4095) != 0)
		fail("large block", trt_alloc_usable_size(big), (uintptr_t)big & 4095);
	fill(big, 256 * 1024 + 1, 99);
	if (!intact(big, 256 * 1024 + 1, 99))
		fail("large contents", 0, 0);
	trt_free(big);
	section("every size class", before);
}

static void zero_sizes(void)
{
	int before = failures;
	void *a = trt_alloc(0), *b = trt_alloc(0);
	if (a == NULL || b == NULL || a == b)
		fail("zero-size blocks distinct", a == b, 0);
	trt_free(a);
	trt_free(b);
	trt_free(NULL);
	if (trt_alloc_usable_size(NULL) != 0)
		fail("usable size of NULL", trt_alloc_usable_size(NULL), 0);
	section("zero-size blocks and NULL", before);
}

static void zeroed(void)
{
	int before = failures;
	uint64_t sizes[] = { 1, 16, 100, 1000, 5000, 70000, 256 * 1024, 300000, 5000000 };
	for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		/* Dirty blocks of the class first, so reuse is exercised. */
		void *dirty[4];
		for (int j = 0; j < 4; j++) {
			dirty[j] = trt_alloc(sizes[i]);
			fill(dirty[j], sizes[i], 7);
		}
		for (int j = 0; j < 4; j++)
			trt_free(dirty[j]);
		uint8_t *z = trt_alloc_zeroed(sizes[i]);
		for (uint64_t k = 0; k < sizes[i]; k++) {
			if (z[k] != 0) {
				fail("zeroed byte", sizes[i], k);
				break;
			}
		}
		trt_free(z);
	}
	section("zeroed blocks", before);
}

static void aligned(void)
{
	int before = failures;
	uint64_t sizes[] = { 1, 24, 100, 4096, 5000, 40000, 300000 };
	for (uint64_t align = 32; align <= 2 * 1024 * 1024; align *= 2) {
		for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			void *p[3];
			for (int j = 0; j < 3; j++) {
				p[j] = trt_alloc_aligned(sizes[i], align);
				if (((uintptr_t)p[j] & (align - 1)) != 0)
					fail("aligned block", align, sizes[i]);
				if (trt_alloc_usable_size(p[j]) < sizes[i])
					fail("aligned usable size", align, sizes[i]);
				fill(p[j], sizes[i], (uint32_t)j);
			}
			for (int j = 0; j < 3; j++) {
				if (!intact(p[j], sizes[i], (uint32_t)j))
					fail("aligned contents", align, sizes[i]);
				trt_free(p[j]);
			}
		}
	}
	/* Small alignments are plain allocations. */
	void *q = trt_alloc_aligned(40, 8);
	if (((uintptr_t)q & 15) != 0)
		fail("alignment 8", (uintptr_t)q & 15, 0);
	trt_free(q);
	section("aligned blocks up to 2 MiB", before);
}

static void reallocs(void)
{
	int before = failures;
	/* Same class: in place. */
	uint8_t *p = trt_alloc(40);
	fill(p, 40, 1);
	uint8_t *q = trt_realloc(p, 48);
	if (q != p || !intact(q, 40, 1))
		fail("realloc within the class", q == p, 0);
	/* Shrinking a little: in place; a lot: moves, contents kept. */
	uint8_t *r = trt_alloc(1000);
	fill(r, 1000, 2);
	uint8_t *r2 = trt_realloc(r, 700);
	if (r2 != r || !intact(r2, 700, 2))
		fail("shrink in place", r2 == r, 0);
	uint8_t *r3 = trt_realloc(r2, 100);
	if (trt_alloc_usable_size(r3) != 112 || !intact(r3, 100, 2))
		fail("shrink moving", trt_alloc_usable_size(r3), 0);
	/* Growing through every class into large blocks and back. */
	uint64_t size = 48;
	fill(q, 48, 3);
	while (size < 8 * 1024 * 1024) {
		uint64_t next = size * 2 + 1;
		q = trt_realloc(q, next);
		if (!intact(q, size, 3))
			fail("grow keeps contents", size, next);
		fill(q, next, 3);
		size = next;
	}
	/* A large block grows by mremap: in place or moved, never copied
	 * byte by byte — either way the contents stay. */
	uint8_t *big = trt_alloc(1 << 20);
	fill(big, 1 << 20, 4);
	uint8_t *bigger = trt_realloc(big, 64 << 20);
	if (!intact(bigger, 1 << 20, 4) || trt_alloc_usable_size(bigger) < (64 << 20))
		fail("large grow", trt_alloc_usable_size(bigger), 0);
	bigger[(64 << 20) - 1] = 5;
	uint8_t *smaller = trt_realloc(bigger, 600000);
	if (smaller != bigger || !intact(smaller, 600000, 4))
		fail("large shrink in place", smaller == bigger, 0);
	uint8_t *tiny = trt_realloc(smaller, 1000);
	if (trt_alloc_usable_size(tiny) != 1024 || !intact(tiny, 1000, 4))
		fail("large to small", trt_alloc_usable_size(tiny), 0);
	/* A large block with a neighbour right above it (mappings are placed
	 * top-down) cannot grow in place: mremap moves its pages. */
	uint8_t *low = trt_alloc(1 << 20);
	uint8_t *lower = trt_alloc(1 << 20);
	fill(lower, 1 << 20, 6);
	uint8_t *moved = trt_realloc(lower, 32 << 20);
	if (!intact(moved, 1 << 20, 6) || trt_alloc_usable_size(moved) < (32 << 20))
		fail("large grow moving", trt_alloc_usable_size(moved), 0);
	moved[(32 << 20) - 1] = 1;
	trt_free(moved);
	trt_free(low);
	uint8_t *fresh = trt_realloc(NULL, 10);
	if (trt_alloc_usable_size(fresh) != 16)
		fail("realloc of NULL", trt_alloc_usable_size(fresh), 0);
	trt_free(fresh);
	trt_free(tiny);
	trt_free(q);
	trt_free(r3);
	section("realloc in place and moving", before);
}

static void stats(void)
{
	int before = failures;
	struct trt_mem_stats s0, s1, s2;
	trt_mem_stats(&s0);
	void *a = trt_alloc(100), *b = trt_alloc(5000), *c = trt_alloc(1 << 20);
	trt_mem_stats(&s1);
	if (s1.alloc_count - s0.alloc_count != 3 ||
	    s1.live_blocks - s0.live_blocks != 3 ||
	    s1.live_bytes - s0.live_bytes != trt_alloc_usable_size(a) +
	                                     trt_alloc_usable_size(b) + trt_alloc_usable_size(c))
		fail("stats after 3 allocations", s1.alloc_count - s0.alloc_count,
		     s1.live_bytes - s0.live_bytes);
	/* A large block is at least what was asked (it may be a reused
	 * mapping up to a quarter longer). */
	if (trt_alloc_usable_size(c) < (1 << 20) ||
	    trt_alloc_usable_size(c) > (1 << 20) + (1 << 18))
		fail("large usable size", trt_alloc_usable_size(c), 0);
	if (s1.mapped_bytes < s1.live_bytes)
		fail("mapped below live", s1.mapped_bytes, s1.live_bytes);
	trt_free(a);
	trt_free(b);
	trt_free(c);
	trt_mem_stats(&s2);
	if (s2.free_count - s0.free_count != 3 || s2.live_blocks != s0.live_blocks ||
	    s2.live_bytes != s0.live_bytes)
		fail("stats after the frees", s2.free_count - s0.free_count,
		     s2.live_bytes);
	if (s2.live_blocks != 0 || s2.live_bytes != 0)
		fail("everything freed", s2.live_blocks, s2.live_bytes);
	section("statistics", before);
}

/* Freed large mappings are kept a while for reuse (alloc_large_cache.c):
 * the next large allocation of a similar size gets the same memory back
 * (zeroed if asked), one far bigger does not, blocks above 8 MiB and
 * entries idle for 50 ms are unmapped. */
static void large_cache(void)
{
	int before = failures;
	struct trt_mem_stats s0, s1;
	uint8_t *a = trt_alloc(600000);
	fill(a, 600000, 8);
	trt_free(a);
	uint8_t *b = trt_alloc(590000);
	if (b != a)
		fail("similar size reuses the mapping", b == a, 0);
	trt_free(b);
	uint8_t *z = trt_alloc_zeroed(600000);
	if (z != a)
		fail("zeroed reuse", z == a, 0);
	for (uint64_t k = 0; k < 600000; k++) {
		if (z[k] != 0) {
			fail("reused block zeroed", k, z[k]);
			break;
		}
	}
	trt_free(z);
	uint8_t *c = trt_alloc(3000000);
	if (c == a)
		fail("a block five times larger does not fit", 0, 0);
	trt_free(c);
	/* Above 8 MiB: unmapped at once. */
	trt_mem_stats(&s0);
	uint8_t *huge = trt_alloc(16 << 20);
	huge[0] = 1;
	trt_free(huge);
	trt_mem_stats(&s1);
	if (s1.mapped_bytes != s0.mapped_bytes)
		fail("16 MiB unmapped at once", s1.mapped_bytes, s0.mapped_bytes);
	/* After 50 ms idle, the next allocator operation gives the cached
	 * mappings back: here the free of a block too big to cache, so
	 * mapped_bytes falls by exactly a's and c's mappings. */
	trt_mem_stats(&s0);
	uint64_t t0 = os_monotonic_ns();
	while (os_monotonic_ns() - t0 < 60 * 1000 * 1000)
		;
	trt_free(trt_alloc(16 << 20));
	trt_mem_stats(&s1);
	if (s0.mapped_bytes - s1.mapped_bytes < 600000 + 3000000)
		fail("idle mappings unmapped", s0.mapped_bytes, s1.mapped_bytes);
	section("freed large blocks reused, then given back", before);
}

/* Borrowing (alloc_heap.c, step 1b): when a class has no freed block left,
 * a freed block of a slightly bigger class is handed out before fresh
 * memory is carved — an ordinary block of that class (usable size,
 * statistics, free).  An aligned request never borrows: its alignment
 * comes from its class's size. */
enum { NBIG = 2000, NSMALL = 1500, NALIGNED = 40 };
static void *big_blocks[NBIG], *small_blocks[NSMALL], *aligned_blocks[NALIGNED];

static void borrowing(void)
{
	int before = failures;
	/* Class 80, spans carved to the end (819 blocks to a 64 KiB span),
	 * every other block freed again. */
	for (int i = 0; i < NBIG; i++)
		big_blocks[i] = trt_alloc(80);
	for (int i = 0; i < NBIG; i += 2)
		trt_free(big_blocks[i]);
	struct trt_mem_stats s0, s1;
	trt_mem_stats(&s0);
	int borrowed = 0;
	uint64_t usable = 0;
	for (int i = 0; i < NSMALL; i++) {
		uint8_t *p = trt_alloc(64);
		small_blocks[i] = p;
		uint64_t u = trt_alloc_usable_size(p);
		if (((uintptr_t)p & 15) != 0 || (u != 64 && u != 80))
			fail("borrowed block", (uintptr_t)p & 15, u);
		borrowed += u == 80;
		usable += u;
		fill(p, 64, (uint32_t)i);
	}
	if (borrowed == 0)
		fail("class 64 borrowed from class 80", 0, 0);
	trt_mem_stats(&s1);
	if (s1.live_bytes - s0.live_bytes != usable)
		fail("live bytes count the bigger class", s1.live_bytes - s0.live_bytes, usable);
	for (int i = 0; i < NSMALL; i++) {
		if (!intact(small_blocks[i], 64, (uint32_t)i))
			fail("borrowed contents", (uint64_t)i, 0);
		trt_free(small_blocks[i]);
	}
	for (int i = 1; i < NBIG; i += 2)
		trt_free(big_blocks[i]);
	/* Class 4608 with freed blocks; 4096-aligned blocks of 4096 bytes come
	 * from class 4096 all the same. */
	for (int i = 0; i < NALIGNED; i++)
		aligned_blocks[i] = trt_alloc(4608);
	for (int i = 0; i < NALIGNED; i += 2)
		trt_free(aligned_blocks[i]);
	for (int i = 0; i < NALIGNED; i += 2) {
		aligned_blocks[i] = trt_alloc_aligned(4096, 4096);
		if (((uintptr_t)aligned_blocks[i] & 4095) != 0 ||
		    trt_alloc_usable_size(aligned_blocks[i]) != 4096)
			fail("aligned block borrowed", (uintptr_t)aligned_blocks[i] & 4095,
			     trt_alloc_usable_size(aligned_blocks[i]));
	}
	for (int i = 0; i < NALIGNED; i++)
		trt_free(aligned_blocks[i]);
	section("freed blocks of a bigger class before fresh memory", before);
}

int32_t t_entry(void)
{
	classes();
	zero_sizes();
	zeroed();
	aligned();
	reallocs();
	stats();
	large_cache();
	borrowing();
	return failures == 0 ? 0 : 1;
}
