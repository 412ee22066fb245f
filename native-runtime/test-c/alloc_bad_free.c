/*
 * alloc_bad_free — freeing a pointer the allocator never returned is caught
 * without touching the memory it points to (the registry has no segment
 * there) and reported with the pointer, then the process aborts: SIGABRT,
 * status 134.  The address is a fixed one so the message is the same on
 * every run and target.
 */
#include "trt.h"

int32_t t_entry(void)
{
	void *p = trt_alloc(100); /* the allocator is up: the check is real */
	trt_free(p);
	trt_write(TRT_STDOUT, (const uint8_t *)"freeing a foreign pointer\n", 26);
	trt_free((void *)(uintptr_t)0x12340);
	trt_write(TRT_STDOUT, (const uint8_t *)"not reached\n", 12);
	return 0;
}
