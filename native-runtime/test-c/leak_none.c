/*
 * leak_none — T_LEAK_CHECK=1 (leak_none.env) on a program that frees
 * everything, including blocks allocated and freed by other threads and
 * objects freed through their last weak reference: no report, status 0.
 */
#include "trt.h"
#include "internal.h"

static const trt_type thing_type = {
	.magic = TRT_TYPE_MAGIC,
	.name = (const uint8_t *)"main::Thing",
	.name_len = 11,
};

static void worker(void *arg)
{
	void **slot = arg;
	for (int i = 0; i < 1000; i++)
		trt_free(trt_alloc((uint64_t)i * 37));
	*slot = trt_alloc(4000); /* freed by the main thread */
}

int32_t t_entry(void)
{
	void *slot = NULL;
	struct rt_thread *t = rt_thread_spawn(worker, &slot, 0);
	void *blocks[100];
	for (int i = 0; i < 100; i++)
		blocks[i] = trt_alloc((uint64_t)i * 1000);
	rt_thread_join(t);
	trt_free(slot);
	for (int i = 0; i < 100; i++)
		trt_free(blocks[i]);
	void *o = trt_rc_alloc(&thing_type, 64);
	trt_rc_weak_retain(o);
	trt_rc_release(o);
	trt_rc_weak_release(o);
	trt_free(trt_realloc(trt_alloc(10), 1 << 20));
	trt_write(TRT_STDOUT, (const uint8_t *)"everything freed\n", 17);
	return 0;
}
