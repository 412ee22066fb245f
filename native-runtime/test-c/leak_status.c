/*
 * leak_status — T_LEAK_CHECK=1 with a leak in a program that fails on its
 * own (t_entry returns 3): the report is printed and the status stays 3.
 */
#include "trt.h"

int32_t t_entry(void)
{
	(void)trt_alloc(40);
	return 3;
}
