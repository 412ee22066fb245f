/*
 * leak_many — T_LEAK_CHECK=1 with objects of more types than the report's
 * table holds (64): the first 64 types met get a line each (sorted by
 * bytes, then name), the rest are counted together as "objects of other
 * types".  The types live in writable data and are filled in at run time:
 * still part of the image, so still recognized.
 */
#include "trt.h"
#include "internal.h"

#define NTYPES 66

static trt_type types[NTYPES];
static uint8_t names[NTYPES][4];

int32_t t_entry(void)
{
	for (int i = 0; i < NTYPES; i++) {
		names[i][0] = 't';
		names[i][1] = (uint8_t)('0' + i / 10);
		names[i][2] = (uint8_t)('0' + i % 10);
		types[i] = (trt_type){ .magic = TRT_TYPE_MAGIC, .name = names[i], .name_len = 3 };
	}
	/* Type i gets (i % 3) + 1 objects of 16 payload bytes (32-byte
	 * blocks), allocated in type order, so the walk meets the types in
	 * that order. */
	for (int i = 0; i < NTYPES; i++)
		for (int k = 0; k <= i % 3; k++)
			(void)trt_rc_alloc(&types[i], 16);
	return 0;
}
