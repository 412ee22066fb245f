/*
 * driver.c — allocator workloads, compiled twice by bench/alloc/run: once
 * against T's runtime (-DUSE_TRT: trt_alloc/trt_free/trt_realloc, threads
 * from rt_thread_spawn) and once against glibc (malloc/free/realloc,
 * pthreads).  Everything but the allocator calls is the same object code
 * (same compiler, same flags), and the allocator calls are plain external
 * calls in both: clang is run with -fno-builtin, so it cannot elide or fold
 * malloc/free pairs in one build and not the other.
 *
 * Usage: driver SCENARIO.  Prints
 *     SCENARIO ns=<elapsed> check=<checksum> rss_kib=<peak resident KiB>
 * The checksum depends on every block's contents, and both builds must
 * print the same one; the peak RSS is the kernel's high-water mark for
 * this process (VmHWM), read at the end.
 */
#include <stddef.h>
#include <stdint.h>

#include "plat.h"

#ifdef USE_TRT
void *trt_alloc(uint64_t size);
void trt_free(void *p);
void *trt_realloc(void *p, uint64_t size);
#define ALLOC(n)      trt_alloc(n)
#define FREE(p)       trt_free(p)
#define REALLOC(p, n) trt_realloc(p, n)
#else
void *malloc(size_t size);
void free(void *p);
void *realloc(void *p, size_t size);
#define ALLOC(n)      malloc(n)
#define FREE(p)       free(p)
#define REALLOC(p, n) realloc(p, n)
#endif

static uint64_t next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1du;
}

/* Writes the first and last words of a block (so its memory is touched
 * like a program's would be) and returns a value for the checksum. */
static uint64_t touch(void *p, size_t n, uint64_t v)
{
	uint64_t *w = p;
	w[0] = v;
	if (n >= 16)
		((uint64_t *)((uint8_t *)p + (n & ~(size_t)7)))[-1] = v ^ n;
	return v;
}

static uint64_t read_back(const void *p, size_t n)
{
	const uint64_t *w = p;
	uint64_t v = w[0];
	if (n >= 16)
		v += ((const uint64_t *)((const uint8_t *)p + (n & ~(size_t)7)))[-1];
	return v;
}

/* Random replacement in a working set of `slots` blocks: free one, put a
 * new one of a random size in its place.  size() picks the sizes. */
struct churn {
	uint64_t seed;
	size_t slots;
	uint64_t ops;
	size_t (*size)(uint64_t *rng);
};

static uint64_t run_churn(const struct churn *c)
{
	void **slot = ALLOC(c->slots * sizeof(void *));
	size_t *len = ALLOC(c->slots * sizeof(size_t));
	uint64_t rng = c->seed, check = 0;
	for (size_t i = 0; i < c->slots; i++) {
		len[i] = c->size(&rng);
		slot[i] = ALLOC(len[i]);
		check += touch(slot[i], len[i], i);
	}
	for (uint64_t op = 0; op < c->ops; op++) {
		size_t i = (size_t)(next(&rng) % c->slots);
		check += read_back(slot[i], len[i]);
		FREE(slot[i]);
		len[i] = c->size(&rng);
		slot[i] = ALLOC(len[i]);
		check += touch(slot[i], len[i], op);
	}
	for (size_t i = 0; i < c->slots; i++) {
		check += read_back(slot[i], len[i]);
		FREE(slot[i]);
	}
	FREE(slot);
	FREE(len);
	return check;
}

/* Mostly tiny objects, as a language with boxed values and strings makes. */
static size_t small_size(uint64_t *rng)
{
	uint64_t r = next(rng) % 100;
	if (r < 50)
		return 16 + next(rng) % 49;   /* 16..64 */
	if (r < 80)
		return 64 + next(rng) % 193;  /* 64..256 */
	return 256 + next(rng) % 257;         /* 256..512 */
}

/* Log-uniform from 16 bytes to 64 KiB. */
static size_t mixed_size(uint64_t *rng)
{
	unsigned shift = 4 + (unsigned)(next(rng) % 12);
	size_t base = (size_t)1 << shift;
	return base + (size_t)(next(rng) % base);
}

/* 64 KiB to 1 MiB: buffers, big vectors. */
static size_t big_size(uint64_t *rng)
{
	return 65536 + (size_t)(next(rng) % (1024 * 1024 - 65536));
}

static uint64_t scenario_small(void)
{
	struct churn c = { 1, 50000, 20000000, small_size };
	return run_churn(&c);
}

static uint64_t scenario_mixed(void)
{
	struct churn c = { 2, 5000, 4000000, mixed_size };
	return run_churn(&c);
}

static uint64_t scenario_big(void)
{
	struct churn c = { 3, 64, 100000, big_size };
	return run_churn(&c);
}

/* Vectors growing by half again from 8 bytes to 1 MiB, 1000 at a time. */
static uint64_t scenario_realloc(void)
{
	enum { N = 1000 };
	void *v[N];
	size_t len[N];
	uint64_t rng = 4, check = 0;
	for (int i = 0; i < N; i++) {
		len[i] = 8;
		v[i] = ALLOC(8);
		touch(v[i], 8, (uint64_t)i);
	}
	for (uint64_t op = 0; op < 300000; op++) {
		int i = (int)(next(&rng) % N);
		size_t n = len[i] + len[i] / 2;
		if (n > 1024 * 1024) {
			check += read_back(v[i], len[i]);
			FREE(v[i]);
			n = 8;
			v[i] = ALLOC(n);
		} else {
			v[i] = REALLOC(v[i], n);
			check += ((uint64_t *)v[i])[0];
		}
		len[i] = n;
		touch(v[i], n, op);
	}
	for (int i = 0; i < N; i++)
		FREE(v[i]);
	return check;
}

/* A phase of many live objects, most freed, then a phase of other sizes:
 * what stays resident shows fragmentation and how memory is given back. */
static uint64_t scenario_phases(void)
{
	enum { N = 2000000 };
	void **p = ALLOC(N * sizeof(void *));
	uint64_t rng = 5, check = 0;
	for (int round = 0; round < 3; round++) {
		size_t base = round == 1 ? 200 : 40;
		for (int i = 0; i < N; i++) {
			size_t n = base + (size_t)(next(&rng) % base);
			p[i] = ALLOC(n);
			check += touch(p[i], n, (uint64_t)i);
		}
		for (int i = 0; i < N; i++) {
			if (i % 16 != 0) {
				FREE(p[i]);
				p[i] = NULL;
			}
		}
		for (int i = 0; i < N; i += 16) {
			check += ((uint64_t *)p[i])[0];
			FREE(p[i]);
		}
	}
	FREE(p);
	return check;
}

/* ---- Threads ---- */

struct job {
	int id;
	uint64_t result;
	struct ring *ring;
};

static void small_thread(void *arg)
{
	struct job *j = arg;
	struct churn c = { 10 + (uint64_t)j->id, 20000, 5000000, small_size };
	j->result = run_churn(&c);
}

static uint64_t scenario_threads(void)
{
	struct job jobs[4];
	plat_thread *t[4];
	for (int i = 0; i < 4; i++) {
		jobs[i].id = i;
		t[i] = plat_spawn(small_thread, &jobs[i]);
	}
	uint64_t check = 0;
	for (int i = 0; i < 4; i++) {
		plat_join(t[i]);
		check += jobs[i].result;
	}
	return check;
}

/* A producer/consumer pair: every block is freed by a thread other than
 * the one that allocated it.  One pair, so the two spinning threads each
 * have a CPU on a 2-CPU machine (with more spinning threads than CPUs the
 * time measures the scheduler, not the allocator). */
#define RING 1024
struct ring {
	uint64_t head, tail; /* accessed with __atomic builtins */
	int done;
	void *slot[RING];
};

static void producer(void *arg)
{
	struct job *j = arg;
	struct ring *r = j->ring;
	uint64_t rng = 20 + (uint64_t)j->id, check = 0;
	for (uint64_t k = 0; k < 3000000; k++) {
		size_t n = small_size(&rng);
		uint64_t *b = ALLOC(n);
		b[0] = n;
		check += n;
		uint64_t t = __atomic_load_n(&r->tail, __ATOMIC_RELAXED);
		while (t - __atomic_load_n(&r->head, __ATOMIC_ACQUIRE) == RING)
			plat_relax();
		r->slot[t % RING] = b;
		__atomic_store_n(&r->tail, t + 1, __ATOMIC_RELEASE);
	}
	__atomic_store_n(&r->done, 1, __ATOMIC_RELEASE);
	j->result = check;
}

static void consumer(void *arg)
{
	struct job *j = arg;
	struct ring *r = j->ring;
	uint64_t check = 0;
	for (;;) {
		uint64_t h = __atomic_load_n(&r->head, __ATOMIC_RELAXED);
		if (h == __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE)) {
			if (__atomic_load_n(&r->done, __ATOMIC_ACQUIRE) &&
			    h == __atomic_load_n(&r->tail, __ATOMIC_ACQUIRE))
				break;
			plat_relax();
			continue;
		}
		uint64_t *b = r->slot[h % RING];
		__atomic_store_n(&r->head, h + 1, __ATOMIC_RELEASE);
		check += b[0];
		FREE(b);
	}
	j->result = check;
}

static uint64_t scenario_xthread(void)
{
	static struct ring ring;
	struct job jobs[2];
	plat_thread *t[2];
	for (int i = 0; i < 2; i++) {
		jobs[i].id = i;
		jobs[i].ring = &ring;
		t[i] = plat_spawn(i == 0 ? producer : consumer, &jobs[i]);
	}
	uint64_t check = 0;
	for (int i = 0; i < 2; i++) {
		plat_join(t[i]);
		check += jobs[i].result;
	}
	return check;
}

static uint64_t scenario_noop(void)
{
	return 0;
}

static const struct {
	const char *name;
	uint64_t (*run)(void);
} scenarios[] = {
	{ "small", scenario_small },
	{ "mixed", scenario_mixed },
	{ "big", scenario_big },
	{ "realloc", scenario_realloc },
	{ "phases", scenario_phases },
	{ "threads", scenario_threads },
	{ "xthread", scenario_xthread },
	{ "noop", scenario_noop },
};

static int same(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int bench_main(int argc, const char *const *argv)
{
	if (argc != 2) {
		plat_print("usage: driver SCENARIO\n");
		return 2;
	}
	for (unsigned i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
		if (!same(argv[1], scenarios[i].name))
			continue;
		uint64_t t0 = plat_now_ns();
		uint64_t check = scenarios[i].run();
		uint64_t t1 = plat_now_ns();
		plat_print(scenarios[i].name);
		plat_print(" ns=");
		plat_print_u64(t1 - t0);
		plat_print(" check=");
		plat_print_u64(check);
		plat_print(" rss_kib=");
		plat_print_u64(plat_peak_rss_kib());
		plat_print("\n");
		return 0;
	}
	plat_print("unknown scenario\n");
	return 2;
}
