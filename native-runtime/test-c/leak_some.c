/*
 * leak_some — T_LEAK_CHECK=1 (leak_some.env) with allocations left behind
 * when t_entry returns 0: the report lists them by type (objects recognized
 * by their header's trt_type), most bytes first, untyped blocks last, and
 * the exit status becomes 1.  Counted: objects still referenced, an object
 * already dropped but kept by a weak reference, a block whose second word
 * points into the image at something that is not a trt_type (untyped), a
 * large block; not counted: everything freed before the end.  stdout is
 * flushed before the report.
 */
#include "trt.h"
#include "internal.h"

struct node {
	struct trt_rc_header h;
	uint64_t value;
	struct node *next;
};

static void node_drop(void *obj)
{
	trt_rc_release(((struct node *)obj)->next);
}

static const trt_type node_type = {
	.magic = TRT_TYPE_MAGIC,
	.drop = node_drop,
	.name = (const uint8_t *)"main::Node",
	.name_len = 10,
};

static const trt_type buffer_type = {
	.magic = TRT_TYPE_MAGIC,
	.name = (const uint8_t *)"String",
	.name_len = 6,
};

static struct node *node(uint64_t v, struct node *next)
{
	struct node *n = trt_rc_alloc(&node_type, sizeof(struct node) - TRT_RC_HEADER_SIZE);
	n->value = v;
	n->next = next;
	return n;
}

static const char not_a_type[] = "just some bytes, long enough to look at";

int32_t t_entry(void)
{
	/* Freed: must not be reported. */
	trt_rc_release(node(1, node(2, NULL)));
	trt_free(trt_alloc(1000));

	/* Leaked: a list of three nodes (32-byte blocks) ... */
	struct node *list = node(3, node(4, node(5, NULL)));
	(void)list;
	/* ... a buffer object of 200 payload bytes (224-byte block) ... */
	(void)trt_rc_alloc(&buffer_type, 200);
	/* ... a node dropped but held by a weak reference ... */
	struct node *ghost = node(6, NULL);
	trt_rc_weak_retain(ghost);
	trt_rc_release(ghost);
	/* ... plain blocks, one pointing into the image at non-type data ... */
	const void **p = trt_alloc(100);
	p[0] = not_a_type;
	p[1] = not_a_type;
	(void)trt_alloc(5000);
	/* ... and a large block. */
	(void)trt_alloc(300000);

	trt_write(TRT_STDOUT, (const uint8_t *)"main returns 0\n", 15);
	return 0;
}
