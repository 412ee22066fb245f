/*
 * alloc_double_free — freeing a block twice is caught (the free-block mark,
 * alloc_internal.h) and reported with the block's size, then the process
 * aborts: SIGABRT, status 134.  Output written before is flushed first.
 */
#include "trt.h"

int32_t t_entry(void)
{
	void *keep = trt_alloc(40);
	void *p = trt_alloc(40);
	trt_free(p);
	trt_write(TRT_STDOUT, (const uint8_t *)"freed once\n", 11);
	trt_free(p);
	trt_write(TRT_STDOUT, (const uint8_t *)"not reached\n", 12);
	trt_free(keep);
	return 0;
}
