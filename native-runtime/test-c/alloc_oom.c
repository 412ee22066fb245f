/*
 * alloc_oom — a request no system can satisfy ends the program the way Rust
 * does: "memory allocation of N bytes failed" on stderr, then SIGABRT
 * (status 134).  trt_alloc never returns NULL, so compiled code has no null
 * check to forget.  Output written before is flushed first.
 */
#include "trt.h"

int32_t t_entry(void)
{
	trt_write(TRT_STDOUT, (const uint8_t *)"asking for 4 EiB\n", 17);
	uint8_t *p = trt_alloc((uint64_t)1 << 62);
	p[0] = 1;
	trt_write(TRT_STDOUT, (const uint8_t *)"not reached\n", 12);
	return 0;
}
