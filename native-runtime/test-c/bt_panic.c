/*
 * bt_panic — trt_panic, uncaught, with T_BACKTRACE=1 (bt_panic.env):
 * the usual message and status 101, then the backtrace of the panicking
 * code, runtime frames and the entry glue hidden.
 */
#include "trt.h"

#define NOINLINE __attribute__((noinline))

static volatile int sink;

NOINLINE void index_check(int i) __asm__("_TN4list3getE");
NOINLINE void index_check(int i)
{
	if (i >= 3) {
		static const uint8_t msg[] = "index out of bounds: the len is 3 but the index is 3";
		static const uint8_t file[] = "src/list.t";
		trt_panic(msg, sizeof msg - 1, file, sizeof file - 1, 40, 17);
	}
	sink++;
}

NOINLINE void sum(void) __asm__("_TN4main3sumE");
NOINLINE void sum(void)
{
	for (int i = 0; i < 4; i++)
		index_check(i);
	sink++;
}

NOINLINE void main_(void) __asm__("_TN4main4mainE");
NOINLINE void main_(void)
{
	sum();
	sink++;
}

int32_t t_entry(void)
{
	trt_write(1, (const uint8_t *)"out\n", 4);
	main_();
	return 0;
}
