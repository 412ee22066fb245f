/*
 * alloc_model — a randomized model test of the allocator: 2,000 slots,
 * 200,000 random operations (allocate plain, zeroed or aligned; free;
 * realloc larger or smaller), sizes from 0 bytes to 2 MiB weighted towards
 * small ones.  Every block carries a pattern derived from its slot and a
 * generation number (every byte of blocks up to 4 KiB; both ends and every
 * 509th byte of larger ones), checked before it is freed or resized and
 * after a realloc (up to the smaller size), so lost, overlapping, moved or
 * corrupted blocks show.  The statistics must count exactly the live slots
 * throughout, and zero at the end.  Deterministic: a fixed seed.
 */
#include "trt.h"
#include "internal.h"

#define SLOTS 2000
#define OPS   200000

static int failures;

static void out(const char *s)
{
	trt_write(TRT_STDOUT, (const uint8_t *)s, (int64_t)rt_cstr_len(s));
}

static void fail(const char *what, uint64_t a, uint64_t b)
{
	if (++failures > 20)
		return;
	out("FAIL ");
	out(what);
	out(" ");
	trt_write_u64(TRT_STDOUT, a);
	out(" ");
	trt_write_u64(TRT_STDOUT, b);
	out("\n");
}

static uint64_t rng = 0x853c49e6748fea9bu;
static uint64_t next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545f4914f6cdd1du;
}

struct slot {
	uint8_t *p;
	uint64_t size;
	uint32_t gen;
	uint64_t align;
};
static struct slot slots[SLOTS];

static uint8_t byte_at(uint32_t gen, uint64_t i)
{
	return (uint8_t)(gen * 0x9e37u + i * 13 + (i >> 9));
}

/* Calls f on each byte position the pattern covers below `limit`. */
#define FOR_PATTERN(size, limit, i, body)                                  \
	do {                                                               \
		uint64_t lim_ = (limit);                                   \
		if ((size) <= 4096) {                                      \
			for (uint64_t i = 0; i < lim_; i++)                \
				body;                                      \
		} else {                                                   \
			for (uint64_t i = 0; i < 1024 && i < lim_; i++)    \
				body;                                      \
			for (uint64_t i = 1024; i < (size) - 1024 && i < lim_; i += 509) \
				body;                                      \
			for (uint64_t i = (size) - 1024; i < lim_; i++)    \
				body;                                      \
		}                                                          \
	} while (0)

static void fill(struct slot *s)
{
	uint8_t *p = s->p;
	uint32_t g = s->gen;
	FOR_PATTERN(s->size, s->size, i, p[i] = byte_at(g, i));
}

static int check(const struct slot *s, uint64_t limit)
{
	const uint8_t *p = s->p;
	uint32_t g = s->gen;
	int ok = 1;
	FOR_PATTERN(s->size, limit, i, ok &= p[i] == byte_at(g, i));
	return ok;
}

static uint64_t random_size(void)
{
	uint64_t r = next() % 1000;
	if (r < 700)
		return next() % 257;             /* 0..256 */
	if (r < 900)
		return 257 + next() % 8000;      /* up to ~8 KiB */
	if (r < 985)
		return 8192 + next() % 250000;   /* up to the largest class */
	return 262145 + next() % 1800000;        /* large blocks */
}

static uint32_t generation;

static void allocate(struct slot *s)
{
	s->size = random_size();
	s->gen = ++generation;
	uint64_t kind = next() % 10;
	if (kind == 0) {
		s->p = trt_alloc_zeroed(s->size);
		uint64_t nonzero = 0;
		FOR_PATTERN(s->size, s->size, i, nonzero += s->p[i] != 0);
		if (nonzero != 0)
			fail("zeroed block has nonzero bytes", s->size, nonzero);
		s->align = 16;
	} else if (kind == 1) {
		s->align = (uint64_t)32 << (next() % 8); /* 32 .. 4096 */
		s->p = trt_alloc_aligned(s->size, s->align);
		if (((uintptr_t)s->p & (s->align - 1)) != 0)
			fail("misaligned block", s->align, s->size);
	} else {
		s->p = trt_alloc(s->size);
		s->align = 16;
	}
	if (((uintptr_t)s->p & 15) != 0)
		fail("block not 16-byte aligned", s->size, 0);
	if (trt_alloc_usable_size(s->p) < s->size)
		fail("usable size below request", s->size, trt_alloc_usable_size(s->p));
	fill(s);
}

int32_t t_entry(void)
{
	uint64_t live = 0;
	for (uint64_t op = 0; op < OPS; op++) {
		struct slot *s = &slots[next() % SLOTS];
		if (s->p == NULL) {
			allocate(s);
			live++;
		} else if (!check(s, s->size)) {
			fail("block corrupted before use, op", op, s->size);
		} else if (next() % 2 == 0) {
			trt_free(s->p);
			s->p = NULL;
			live--;
		} else {
			struct slot before = *s;
			uint64_t old = s->size;
			uint64_t size = random_size();
			s->p = trt_realloc(s->p, size);
			s->size = size;
			/* The old block's pattern, up to the smaller size. */
			before.p = s->p;
			if (!check(&before, old < size ? old : size))
				fail("realloc lost contents", old, size);
			if (trt_alloc_usable_size(s->p) < size)
				fail("usable size below realloc", size, 0);
			s->gen = ++generation;
			fill(s);
		}
		if (op % 1000 == 0) {
			struct trt_mem_stats st;
			trt_mem_stats(&st);
			if (st.live_blocks != live)
				fail("live blocks counted", st.live_blocks, live);
		}
	}
	for (int i = 0; i < SLOTS; i++) {
		if (slots[i].p != NULL) {
			if (!check(&slots[i], slots[i].size))
				fail("block corrupted at the end", (uint64_t)i, 0);
			trt_free(slots[i].p);
		}
	}
	struct trt_mem_stats st;
	trt_mem_stats(&st);
	out("operations: ");
	trt_write_u64(TRT_STDOUT, OPS);
	out("\nfailures: ");
	trt_write_u64(TRT_STDOUT, (uint64_t)failures);
	out("\nlive at the end: ");
	trt_write_u64(TRT_STDOUT, st.live_blocks);
	out(" blocks, ");
	trt_write_u64(TRT_STDOUT, st.live_bytes);
	out(" bytes\n");
	out(st.alloc_count == st.free_count ? "allocations balance frees\n"
	                                    : "allocations and frees differ\n");
	return failures == 0 ? 0 : 1;
}
