/*
 * rc_dead_release — releasing an object once more than it was retained is
 * caught while its memory is still there (a weak reference keeps it):
 * "fatal runtime error: trt_rc_release: released after its strong count
 * reached 0 (type main::Node)", SIGABRT (134).  Output written before is
 * flushed first.
 */
#include "trt.h"

static const trt_type node_type = {
	.magic = TRT_TYPE_MAGIC,
	.name = (const uint8_t *)"main::Node",
	.name_len = 10,
};

int32_t t_entry(void)
{
	void *o = trt_rc_alloc(&node_type, 8);
	trt_rc_weak_retain(o);
	trt_rc_release(o);
	trt_write(TRT_STDOUT, (const uint8_t *)"released once\n", 14);
	trt_rc_release(o);
	trt_write(TRT_STDOUT, (const uint8_t *)"not reached\n", 12);
	return 0;
}
