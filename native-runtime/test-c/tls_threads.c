/*
 * tls_threads — thread-local storage and raw threads (tls.c, thread.c).
 *
 * Thread-locals from C (`_Thread_local`, with an initializer, zero-filled,
 * over-aligned) and from LLVM IR (tls_threads.ll, thread_local(localexec) as
 * tcc emits) start from their initial values in the main thread and in every
 * thread rt_thread_spawn starts; each thread's copies are its own (written
 * with the thread's number, checked after all threads have written);
 * alignment holds; the thread pointer differs per thread; threads run on
 * their own stacks, get their own alternate signal stacks, and are joined.
 */
#include <stdatomic.h>

#include "trt.h"
#include "internal.h"
#include "os.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)
#define NTHREADS 4

static _Thread_local int64_t counter = 42;
static _Thread_local uint8_t zeros[300];
static _Thread_local _Alignas(256) uint64_t aligned = 7;

int64_t ll_get(void);
void ll_set(int64_t v);
int64_t *ll_wide_addr(void);

static _Atomic uint32_t written;

struct result {
	int initial_ok;
	int own_ok;
	uintptr_t tp;
	uintptr_t counter_addr;
	uintptr_t stack_addr;
};
static struct result results[NTHREADS + 1];

static void say(const char *what, int64_t v)
{
	trt_write(TRT_STDOUT, (const uint8_t *)what, (int64_t)rt_cstr_len(what));
	trt_write_i64(TRT_STDOUT, v);
	trt_write(TRT_STDOUT, S("\n"));
}

static int initial_values_ok(void)
{
	int ok = counter == 42 && aligned == 7 && ll_get() == 1234;
	for (int i = 0; i < 300; i++)
		ok = ok && zeros[i] == 0;
	int64_t *w = ll_wide_addr();
	ok = ok && w[0] == 1 && w[1] == 2 && w[2] == 3 && w[3] == 4;
	ok = ok && ((uintptr_t)&aligned & 255) == 0;
	ok = ok && ((uintptr_t)w & 127) == 0;
	return ok;
}

static void write_own(int64_t id)
{
	counter = 1000 + id;
	aligned = 2000 + (uint64_t)id;
	zeros[id * 7] = (uint8_t)(id + 1);
	ll_set(3000 + id);
	ll_wide_addr()[2] = 4000 + id;
}

static int own_values_ok(int64_t id)
{
	int ok = counter == 1000 + id && aligned == 2000 + (uint64_t)id &&
		ll_get() == 3000 + id && ll_wide_addr()[2] == 4000 + id;
	for (int i = 0; i < 300; i++)
		ok = ok && zeros[i] == (i == id * 7 ? id + 1 : 0);
	return ok;
}

static void body(void *arg)
{
	int64_t id = (int64_t)(intptr_t)arg;
	volatile int on_stack = 0;
	struct result *r = &results[id];
	r->initial_ok = initial_values_ok();
	r->tp = (uintptr_t)rt_tls_thread_pointer();
	r->counter_addr = (uintptr_t)&counter;
	r->stack_addr = (uintptr_t)&on_stack;
	write_own(id);
	/* Wait until every thread has written its copies, so that a shared
	 * copy would be caught. */
	atomic_fetch_add(&written, 1);
	os_futex_wake((_Atomic uint32_t *)&written, 64);
	for (;;) {
		uint32_t w = atomic_load(&written);
		if (w == NTHREADS)
			break;
		os_futex_wait((_Atomic uint32_t *)&written, w);
	}
	r->own_ok = own_values_ok(id);
}

int32_t t_entry(void)
{
	say("main initial values ok: ", initial_values_ok());
	write_own(0);
	results[0].tp = (uintptr_t)rt_tls_thread_pointer();
	results[0].counter_addr = (uintptr_t)&counter;

	struct rt_thread *t[NTHREADS];
	for (int i = 0; i < NTHREADS; i++) {
		t[i] = rt_thread_spawn(body, (void *)(intptr_t)(i + 1),
		                       i == 0 ? 0 : 256 * 1024);
		if (t[i] == NULL) {
			say("spawn failed: ", i);
			return 1;
		}
	}
	for (int i = 0; i < NTHREADS; i++)
		rt_thread_join(t[i]);

	for (int i = 1; i <= NTHREADS; i++) {
		say("thread initial values ok: ", results[i].initial_ok);
		say("thread own values ok: ", results[i].own_ok);
	}
	say("main own values ok after threads: ", own_values_ok(0));
	int distinct = 1;
	for (int i = 0; i <= NTHREADS; i++)
		for (int j = 0; j < i; j++)
			distinct = distinct && results[i].tp != results[j].tp &&
				results[i].counter_addr != results[j].counter_addr;
	say("thread pointers and copies distinct: ", distinct);
	/* The copy sits at the same offset from each thread pointer. */
	int same_offset = 1;
	for (int i = 1; i <= NTHREADS; i++)
		same_offset = same_offset &&
			results[i].counter_addr - results[i].tp ==
			results[0].counter_addr - results[0].tp;
	say("same offset from the thread pointer: ", same_offset);
	int own_stacks = 1;
	for (int i = 1; i <= NTHREADS; i++)
		own_stacks = own_stacks && results[i].stack_addr < results[i].tp &&
			results[i].tp - results[i].stack_addr < 3 * 1024 * 1024;
	say("threads on their own stacks: ", own_stacks);

	/* Threads can be started again after others were joined. */
	atomic_store(&written, NTHREADS - 1);
	struct rt_thread *again = rt_thread_spawn(body, (void *)(intptr_t)1, 0);
	rt_thread_join(again);
	say("second round ok: ", results[1].initial_ok && results[1].own_ok);
	return 0;
}
