/*
 * rc_threads — shared reference-counted objects under four OS threads
 * (rc.c's atomic paths).
 *
 *   1. Hammering: 4 threads retain and release one shared object 200,000
 *      times each; the count comes back exactly and nothing is dropped.
 *   2. The last release races: 1,000 rounds of an object handed to 4
 *      threads with one reference each; every thread writes its slot of the
 *      payload and releases.  Exactly one drop per object, and it sees all
 *      four writes (the release/acquire ordering of the last decrement).
 *   3. Upgrades race the death: per round, 4 threads each hold a weak
 *      reference and upgrade it in a loop while the main thread drops the
 *      last strong reference.  An upgrade either fails or yields a live
 *      object (its payload intact, never after the drop), the drop runs
 *      once, and the memory goes when the last weak reference does.
 *   4. is_unique against weak traffic: while a thread clones weak
 *      references from its own and upgrades them, is_unique on the main
 *      thread's strong reference must stay false; once the thread is gone,
 *      it is true and the counts are exact.
 * At the end the allocator's statistics say nothing is left.
 */
#include <stdatomic.h>

#include "trt.h"
#include "internal.h"

#define THREADS 4

static int failures;

static void out(const char *s)
{
	trt_write(TRT_STDOUT, (const uint8_t *)s, (int64_t)rt_cstr_len(s));
}

static void check(bool ok, const char *what, uint64_t a)
{
	if (ok)
		return;
	failures++;
	out("FAIL ");
	out(what);
	out(" ");
	trt_write_u64(TRT_STDOUT, a);
	out("\n");
}

static void section(const char *name, int before)
{
	out(name);
	out(failures == before ? ": ok\n" : ": FAILED\n");
}

struct obj {
	struct trt_rc_header h;
	_Atomic uint64_t alive;      /* 1 until dropped */
	uint64_t slot[THREADS];      /* plain writes, read by the drop */
};

static _Atomic uint64_t drops;
static _Atomic uint64_t bad_drops; /* drops that saw a missing write */

static void obj_drop(void *p)
{
	struct obj *o = p;
	if (atomic_exchange_explicit(&o->alive, 0, memory_order_relaxed) != 1)
		atomic_fetch_add(&bad_drops, 1);
	atomic_fetch_add(&drops, 1);
}

static void obj_drop_checking(void *p)
{
	struct obj *o = p;
	for (int i = 0; i < THREADS; i++)
		if (o->slot[i] != (uint64_t)i + 1)
			atomic_fetch_add(&bad_drops, 1);
	obj_drop(p);
}

static const trt_type obj_type = {
	.magic = TRT_TYPE_MAGIC,
	.drop = obj_drop,
	.name = (const uint8_t *)"test::Obj",
	.name_len = 9,
};

static const trt_type checked_type = {
	.magic = TRT_TYPE_MAGIC,
	.drop = obj_drop_checking,
	.name = (const uint8_t *)"test::Checked",
	.name_len = 13,
};

static struct obj *make(const trt_type *t)
{
	struct obj *o = trt_rc_alloc(t, sizeof(struct obj) - TRT_RC_HEADER_SIZE);
	atomic_store(&o->alive, 1);
	for (int i = 0; i < THREADS; i++)
		o->slot[i] = 0;
	trt_rc_share(o);
	return o;
}

struct job {
	int id;
	struct obj *o;
	_Atomic int *go;
	uint64_t seen_alive, seen_dead;
};

static void wait_go(_Atomic int *go)
{
	while (!atomic_load_explicit(go, memory_order_acquire))
		;
}

/* ---- 1 ---- */

static void hammer(void *arg)
{
	struct job *j = arg;
	wait_go(j->go);
	for (int i = 0; i < 200000; i++) {
		trt_rc_retain(j->o);
		trt_rc_retain(j->o);
		trt_rc_release(j->o);
		trt_rc_release(j->o);
	}
}

static void run(void (*fn)(void *), struct job *jobs)
{
	struct rt_thread *t[THREADS];
	for (int i = 0; i < THREADS; i++)
		t[i] = rt_thread_spawn(fn, &jobs[i], 0);
	atomic_store_explicit(jobs[0].go, 1, memory_order_release);
	for (int i = 0; i < THREADS; i++)
		rt_thread_join(t[i]);
}

static void hammering(void)
{
	int before = failures;
	_Atomic int go = 0;
	atomic_store(&drops, 0);
	struct obj *o = make(&obj_type);
	struct job jobs[THREADS];
	for (int i = 0; i < THREADS; i++)
		jobs[i] = (struct job){ .id = i, .o = o, .go = &go };
	run(hammer, jobs);
	check(trt_rc_strong_count(o) == 1, "count after the threads", trt_rc_strong_count(o));
	check(atomic_load(&drops) == 0, "no drop yet", atomic_load(&drops));
	trt_rc_release(o);
	check(atomic_load(&drops) == 1, "one drop", atomic_load(&drops));
	section("retain/release from 4 threads", before);
}

/* ---- 2 ---- */

#define ROUNDS 1000

static struct obj *handed[ROUNDS];

static void last_release(void *arg)
{
	struct job *j = arg;
	wait_go(j->go);
	for (int r = 0; r < ROUNDS; r++) {
		struct obj *o = handed[r];
		o->slot[j->id] = (uint64_t)j->id + 1;
		trt_rc_release(o);
	}
}

static void racing_release(void)
{
	int before = failures;
	_Atomic int go = 0;
	atomic_store(&drops, 0);
	atomic_store(&bad_drops, 0);
	for (int r = 0; r < ROUNDS; r++) {
		handed[r] = make(&checked_type);
		for (int i = 1; i < THREADS; i++)
			trt_rc_retain(handed[r]);
	}
	struct job jobs[THREADS];
	for (int i = 0; i < THREADS; i++)
		jobs[i] = (struct job){ .id = i, .go = &go };
	run(last_release, jobs);
	check(atomic_load(&drops) == ROUNDS, "one drop per object", atomic_load(&drops));
	check(atomic_load(&bad_drops) == 0, "drops saw every write", atomic_load(&bad_drops));
	section("the last release from any of 4 threads", before);
}

/* ---- 3 ---- */

static void upgrader(void *arg)
{
	struct job *j = arg;
	wait_go(j->go);
	for (;;) {
		struct obj *s = trt_rc_weak_upgrade(j->o);
		if (s == NULL) {
			j->seen_dead++;
			break;
		}
		if (atomic_load_explicit(&s->alive, memory_order_relaxed) != 1)
			atomic_fetch_add(&bad_drops, 1);
		j->seen_alive++;
		trt_rc_release(s);
	}
	/* Dead for good: a second try fails as well. */
	if (trt_rc_weak_upgrade(j->o) != NULL)
		atomic_fetch_add(&bad_drops, 1);
	trt_rc_weak_release(j->o);
}

static void racing_upgrades(void)
{
	int before = failures;
	atomic_store(&drops, 0);
	atomic_store(&bad_drops, 0);
	uint64_t alive = 0;
	for (int r = 0; r < 50; r++) {
		_Atomic int go = 0;
		struct obj *o = make(&obj_type);
		struct job jobs[THREADS];
		struct rt_thread *t[THREADS];
		for (int i = 0; i < THREADS; i++) {
			trt_rc_weak_retain(o);
			jobs[i] = (struct job){ .id = i, .o = o, .go = &go };
			t[i] = rt_thread_spawn(upgrader, &jobs[i], 0);
		}
		atomic_store_explicit(&go, 1, memory_order_release);
		/* Let the upgraders run a little, then drop the object. */
		for (volatile int spin = 0; spin < 20000; spin++)
			;
		trt_rc_release(o);
		for (int i = 0; i < THREADS; i++) {
			rt_thread_join(t[i]);
			alive += jobs[i].seen_alive;
			check(jobs[i].seen_dead == 1, "each thread saw the death once",
			      jobs[i].seen_dead);
		}
	}
	check(atomic_load(&drops) == 50, "one drop per round", atomic_load(&drops));
	check(atomic_load(&bad_drops) == 0, "no upgrade of a dead object", atomic_load(&bad_drops));
	(void)alive;
	section("weak upgrades racing the last release", before);
}

/* ---- 4 ---- */

static void weak_traffic(void *arg)
{
	struct job *j = arg;
	/* j->o's weak reference was made for us by the main thread. */
	wait_go(j->go);
	for (int i = 0; i < 100000; i++) {
		trt_rc_weak_retain(j->o);
		struct obj *s = trt_rc_weak_upgrade(j->o);
		if (s != NULL)
			trt_rc_release(s);
		trt_rc_weak_release(j->o);
	}
	/* Say so before giving up the last weak reference: from then on the
	 * main thread's reference is rightly unique. */
	atomic_store_explicit(j->go, 2, memory_order_release);
	trt_rc_weak_release(j->o);
}

static void unique_under_traffic(void)
{
	int before = failures;
	atomic_store(&drops, 0);
	_Atomic int go = 0;
	struct obj *o = make(&obj_type);
	trt_rc_weak_retain(o);
	struct job job = { .id = 0, .o = o, .go = &go };
	struct rt_thread *t = rt_thread_spawn(weak_traffic, &job, 0);
	atomic_store_explicit(&go, 1, memory_order_release);
	uint64_t wrong = 0;
	/* A sample counts only if the thread still held its weak reference
	 * when it was taken: `go` still 1 afterwards.  (A true answer comes
	 * from reading the thread's last weak release, which is ordered after
	 * its store of 2, so the load below would then see 2.) */
	for (;;) {
		bool unique = trt_rc_is_unique(o);
		if (atomic_load_explicit(&go, memory_order_acquire) != 1)
			break;
		wrong += unique;
	}
	rt_thread_join(t);
	check(wrong == 0, "never unique while a weak reference exists", wrong);
	check(trt_rc_is_unique(o), "unique afterwards", 0);
	check(trt_rc_strong_count(o) == 1 && trt_rc_weak_count(o) == 0, "exact counts",
	      trt_rc_weak_count(o));
	trt_rc_release(o);
	check(atomic_load(&drops) == 1, "dropped", atomic_load(&drops));
	section("is_unique against weak traffic", before);
}

int32_t t_entry(void)
{
	hammering();
	racing_release();
	racing_upgrades();
	unique_under_traffic();
	struct trt_mem_stats s;
	trt_mem_stats(&s);
	check(s.live_blocks == 0 && s.live_bytes == 0, "nothing left", s.live_blocks);
	out(failures == 0 ? "all freed: yes\n" : "all freed: no\n");
	return failures == 0 ? 0 : 1;
}
