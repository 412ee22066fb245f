/*
 * alloc_threads — the allocator under several OS threads at once.
 *
 * Four threads (rt_thread_spawn) each run 100,000 rounds: allocate a block
 * (sizes 16 bytes to 600 KiB, mostly small), stamp it, and pass it through
 * a ring buffer to the next thread, which checks the stamp and frees it — a
 * free into a span another thread owns, the remote path — while also
 * allocating, reallocating and freeing blocks of its own.  Then each thread
 * allocates 2,000 blocks it leaves behind when it exits (its spans become
 * orphans), which the main thread checks and frees after the joins.  At the
 * end the statistics must say nothing is live and every allocation was
 * freed.
 */
#include <stdatomic.h>

#include "trt.h"
#include "internal.h"
#include "os.h"

#define THREADS  4
#define ROUNDS   100000
#define RING     256
#define LOCAL    64
#define LEFT     2000

static void out(const char *s)
{
	trt_write(TRT_STDOUT, (const uint8_t *)s, (int64_t)rt_cstr_len(s));
}

/* A single-producer, single-consumer ring of block pointers. */
struct ring {
	_Atomic uint64_t head; /* next slot to read */
	_Atomic uint64_t tail; /* next slot to write */
	_Atomic int done;      /* the producer will write no more */
	void *slot[RING];
};
static struct ring rings[THREADS];

static bool ring_push(struct ring *r, void *p)
{
	uint64_t t = atomic_load_explicit(&r->tail, memory_order_relaxed);
	if (t - atomic_load_explicit(&r->head, memory_order_acquire) == RING)
		return false;
	r->slot[t % RING] = p;
	atomic_store_explicit(&r->tail, t + 1, memory_order_release);
	return true;
}

static void *ring_pop(struct ring *r)
{
	uint64_t h = atomic_load_explicit(&r->head, memory_order_relaxed);
	if (h == atomic_load_explicit(&r->tail, memory_order_acquire))
		return NULL;
	void *p = r->slot[h % RING];
	atomic_store_explicit(&r->head, h + 1, memory_order_release);
	return p;
}

struct stamp {
	uint64_t size;
	uint64_t seed;
};

static uint64_t next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1du;
}

static uint64_t random_size(uint64_t *rng)
{
	uint64_t r = next(rng) % 1000;
	if (r < 800)
		return 16 + next(rng) % 300;
	if (r < 990)
		return 16 + next(rng) % 20000;
	return 16 + next(rng) % 600000;
}

static void stamp(uint8_t *p, uint64_t size, uint64_t seed)
{
	struct stamp *st = (struct stamp *)p;
	st->size = size;
	st->seed = seed;
	uint64_t n = size < 1024 ? size : 1024;
	for (uint64_t i = sizeof *st; i < n; i++)
		p[i] = (uint8_t)(seed + i);
	p[size - 1] = (uint8_t)(seed * 7);
}

static int stamped(const uint8_t *p)
{
	const struct stamp *st = (const struct stamp *)p;
	uint64_t size = st->size, seed = st->seed;
	uint64_t n = size < 1024 ? size : 1024;
	for (uint64_t i = sizeof *st; i < n - 1; i++)
		if (p[i] != (uint8_t)(seed + i))
			return 0;
	return p[size - 1] == (uint8_t)(seed * 7);
}

static _Atomic int bad;
static void *left_behind[THREADS][LEFT];

static void worker(void *arg)
{
	int id = (int)(intptr_t)arg;
	uint64_t rng = 0x9e3779b97f4a7c15u * (uint64_t)(id + 1);
	struct ring *outq = &rings[(id + 1) % THREADS];
	struct ring *inq = &rings[id];
	uint8_t *local[LOCAL] = { 0 };
	uint64_t seq = 0;

	for (int round = 0; round < ROUNDS; round++) {
		uint64_t size = random_size(&rng);
		uint8_t *p = trt_alloc(size);
		stamp(p, size, ((uint64_t)id << 40) | seq++);
		if (!ring_push(outq, p))
			trt_free(p);
		for (int k = 0; k < 2; k++) {
			uint8_t *q = ring_pop(inq);
			if (q == NULL)
				break;
			if (!stamped(q))
				atomic_fetch_add(&bad, 1);
			trt_free(q);
		}
		uint8_t **l = &local[next(&rng) % LOCAL];
		if (*l == NULL) {
			uint64_t n = random_size(&rng);
			*l = trt_alloc(n);
			stamp(*l, n, seq++);
		} else if (!stamped(*l)) {
			atomic_fetch_add(&bad, 1);
		} else if (next(&rng) % 3 == 0) {
			uint64_t n = random_size(&rng);
			uint64_t old = ((struct stamp *)*l)->size;
			*l = trt_realloc(*l, n);
			/* Only the stamp header survives a shrink intact
			 * enough to check; re-stamp for the new size. */
			if (((struct stamp *)*l)->size != old)
				atomic_fetch_add(&bad, 1);
			stamp(*l, n, seq++);
		} else {
			trt_free(*l);
			*l = NULL;
		}
	}
	atomic_store_explicit(&outq->done, 1, memory_order_release);
	/* Drain what the previous thread still sends. */
	for (;;) {
		int done = atomic_load_explicit(&inq->done, memory_order_acquire);
		uint8_t *q = ring_pop(inq);
		if (q == NULL) {
			if (done)
				break;
			continue;
		}
		if (!stamped(q))
			atomic_fetch_add(&bad, 1);
		trt_free(q);
	}
	for (int i = 0; i < LOCAL; i++) {
		if (local[i] != NULL && !stamped(local[i]))
			atomic_fetch_add(&bad, 1);
		trt_free(local[i]);
	}
	/* Blocks that outlive this thread: its spans become orphans. */
	for (int i = 0; i < LEFT; i++) {
		uint64_t n = 16 + next(&rng) % 2000;
		left_behind[id][i] = trt_alloc(n);
		stamp(left_behind[id][i], n, (uint64_t)i);
	}
}

int32_t t_entry(void)
{
	struct rt_thread *t[THREADS];
	for (int i = 0; i < THREADS; i++) {
		t[i] = rt_thread_spawn(worker, (void *)(intptr_t)i, 0);
		if (t[i] == NULL) {
			out("spawn failed\n");
			return 1;
		}
	}
	for (int i = 0; i < THREADS; i++)
		rt_thread_join(t[i]);

	struct trt_mem_stats st;
	trt_mem_stats(&st);
	out(st.live_blocks == THREADS * LEFT ? "blocks left by exited threads: counted\n"
	                                     : "blocks left by exited threads: WRONG COUNT\n");
	for (int i = 0; i < THREADS; i++) {
		for (int j = 0; j < LEFT; j++) {
			if (!stamped(left_behind[i][j]))
				atomic_fetch_add(&bad, 1);
			trt_free(left_behind[i][j]);
		}
	}
	out(atomic_load(&bad) == 0 ? "stamps intact: yes\n" : "stamps intact: NO\n");
	trt_mem_stats(&st);
	out("live at the end: ");
	trt_write_u64(TRT_STDOUT, st.live_blocks);
	out(" blocks, ");
	trt_write_u64(TRT_STDOUT, st.live_bytes);
	out(" bytes\n");
	out(st.alloc_count == st.free_count ? "allocations balance frees\n"
	                                    : "allocations and frees differ\n");
	/* The main thread allocates again from spans the workers left. */
	void *again[1000];
	for (int i = 0; i < 1000; i++)
		again[i] = trt_alloc(100);
	for (int i = 0; i < 1000; i++)
		trt_free(again[i]);
	trt_mem_stats(&st);
	out(st.live_blocks == 0 ? "reuse after the threads: ok\n" : "reuse after the threads: LEAK\n");
	return 0;
}
