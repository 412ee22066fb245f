/*
 * alloc_double_free_large — freeing a large block twice is caught although
 * its mapping is still there (kept for reuse, alloc_large_cache.c):
 * "fatal runtime error: trt_free: double free of a large block", SIGABRT.
 */
#include "trt.h"

int32_t t_entry(void)
{
	uint8_t *p = trt_alloc(1 << 20);
	p[0] = 1;
	trt_free(p);
	trt_write(TRT_STDOUT, (const uint8_t *)"freed once\n", 11);
	trt_free(p);
	trt_write(TRT_STDOUT, (const uint8_t *)"not reached\n", 12);
	return 0;
}
