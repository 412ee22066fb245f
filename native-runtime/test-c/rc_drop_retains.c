/*
 * rc_drop_retains — the last release of an unshared object, which
 * trt_rc_release finishes itself: the strong word is 0 before the drop
 * runs, so a drop that retains the object it is dropping is caught by the
 * retain (the inline sequence compiled code uses sends a 0 to the runtime
 * too): "fatal runtime error: trt_rc_retain: retained after its strong
 * count reached 0 (type main::Leaky)", SIGABRT (134).  A first object,
 * dropped normally, is freed on the same path.
 */
#include "trt.h"

static int drops;

static void write_str(const char *s, int64_t n)
{
	trt_write(TRT_STDOUT, (const uint8_t *)s, n);
}

static void leaky_drop(void *obj)
{
	drops++;
	if (((struct trt_rc_header *)obj)->strong != 0)
		write_str("strong not 0 in drop\n", 21);
	if (drops == 2)
		trt_rc_retain(obj); /* the bug this test is about */
}

static const trt_type leaky_type = {
	.magic = TRT_TYPE_MAGIC,
	.drop = leaky_drop,
	.name = (const uint8_t *)"main::Leaky",
	.name_len = 11,
};

int32_t t_entry(void)
{
	void *a = trt_rc_alloc(&leaky_type, 8);
	trt_rc_release(a);
	write_str("first dropped\n", 14);
	void *b = trt_rc_alloc(&leaky_type, 8);
	trt_rc_release(b);
	write_str("not reached\n", 12);
	return 0;
}
