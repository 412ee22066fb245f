/*
 * panic_capture_nested — a panic while the message of another is being
 * written in pieces (in T: a Display impl that panics inside a formatted
 * panic message): the partial first message, the second one, then an abort
 * (SIGABRT, 134).  Nothing is raised, so the catch around it (panic_catch.ll)
 * never runs.
 */
#include "trt.h"

int32_t t_catch(void (*fn)(void), struct trt_caught_panic *out);

static void formatted(void)
{
	static const uint8_t file[] = "src/fmt.t";
	static const uint8_t msg[] = "called `Option::unwrap()` on a `None` value";
	trt_panic_begin(file, sizeof file - 1, 10, 5);
	trt_write(2, (const uint8_t *)"point is ", 9);
	/* The Display impl of the argument fails half-way. */
	trt_write(2, (const uint8_t *)"(1, ", 4);
	trt_panic(msg, sizeof msg - 1, file, sizeof file - 1, 3, 20);
}

int32_t t_entry(void)
{
	struct trt_caught_panic p;
	t_catch(formatted, &p);
	trt_write(1, (const uint8_t *)"not reached\n", 12);
	return 0;
}
