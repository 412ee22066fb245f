/*
 * str.c — operations on string values that compiled code calls.
 *
 * Model: a T string is (pointer, byte length, owner) — include/trt_string.h.
 * The comparisons take borrowed (pointer, length) views and never allocate.
 * The builders (from_bytes, push, reserve, the string sink) own buffers:
 * RC objects of type `String` holding their capacity, then the bytes.
 *
 * Invariants:
 *   - A buffer is written only through a string that holds its only
 *     reference (trt_rc_is_unique), and only past that string's end.
 *   - A string's bytes lie inside its owner's bytes[0..cap) when it has one.
 */
#include "trt.h"
#include "internal.h"
#include "alloc_internal.h"
#include "fmt_internal.h"

bool trt_str_eq(const uint8_t *a, int64_t a_len, const uint8_t *b, int64_t b_len)
{
	if (a_len != b_len)
		return false;
	if (a == b || a_len <= 0)
		return true;
	/*
	 * Equality needs no order, so whole words are compared (hash-map keys are short:
	 * the call of the byte-at-a-time memcmp was most of the cost). __builtin_memcpy
	 * of 8 bytes is one unaligned load, even under -fno-builtin.
	 */
	uint64_t x, y;
	if (a_len < 8) {
		for (int64_t i = 0; i < a_len; i++) {
			if (a[i] != b[i])
				return false;
		}
		return true;
	}
	for (int64_t i = 0; a_len - i > 8; i += 8) {
		__builtin_memcpy(&x, a + i, 8);
		__builtin_memcpy(&y, b + i, 8);
		if (x != y)
			return false;
	}
	/* The last 8 bytes, overlapping what the loop compared: no byte loop for the rest. */
	__builtin_memcpy(&x, a + a_len - 8, 8);
	__builtin_memcpy(&y, b + a_len - 8, 8);
	return x == y;
}

int32_t trt_str_cmp(const uint8_t *a, int64_t a_len, const uint8_t *b, int64_t b_len)
{
	int64_t n = a_len < b_len ? a_len : b_len;
	int c = n > 0 ? memcmp(a, b, (size_t)n) : 0;
	if (c != 0)
		return c < 0 ? -1 : 1;
	return a_len < b_len ? -1 : a_len > b_len ? 1 : 0;
}

/* ---- Buffers ---- */

static const trt_type string_type = {
	.magic = TRT_TYPE_MAGIC,
	.name = (const uint8_t *)"String",
	.name_len = 6,
};

#define CAP_OFFSET TRT_RC_HEADER_SIZE
#define BYTES_OFFSET (TRT_RC_HEADER_SIZE + 8)

static uint64_t buffer_cap(void *owner)
{
	return *(uint64_t *)((uint8_t *)owner + CAP_OFFSET);
}

static uint8_t *buffer_bytes(void *owner)
{
	return (uint8_t *)owner + BYTES_OFFSET;
}

static void *new_buffer(uint64_t cap)
{
	/* The allocator aborts on sizes it cannot serve; this keeps the sum from
	 * wrapping first. */
	if (cap > ((uint64_t)1 << 62))
		rt_alloc_oom(cap);
	void *owner = trt_rc_alloc(&string_type, 8 + cap);
	*(uint64_t *)((uint8_t *)owner + CAP_OFFSET) = cap;
	return owner;
}

static void check_len(int64_t len, const char *what)
{
	if (len < 0)
		rt_bug(what, len);
}

void trt_string_from_bytes(trt_string *out, const uint8_t *bytes, int64_t len)
{
	check_len(len, "trt_string_from_bytes: negative length");
	if (len == 0) {
		out->ptr = (const uint8_t *)"";
		out->len = 0;
		out->owner = NULL;
		return;
	}
	void *owner = new_buffer((uint64_t)len);
	memcpy(buffer_bytes(owner), bytes, (size_t)len);
	out->ptr = buffer_bytes(owner);
	out->len = len;
	out->owner = owner;
}

/* Room for `extra` more bytes after s's end in a buffer only s references:
 * moves s into a new buffer when it has none, shares it, or lacks room. */
static void make_room(trt_string *s, uint64_t extra)
{
	uint64_t len = (uint64_t)s->len;
	if (extra > ((uint64_t)1 << 62) - len)
		rt_alloc_oom(UINT64_MAX);
	void *old = s->owner;
	if (old != NULL && trt_rc_is_unique(old)) {
		uint8_t *end = buffer_bytes(old) + buffer_cap(old);
		if ((uint64_t)(end - (s->ptr + len)) >= extra)
			return;
	}
	uint64_t want = len + extra;
	uint64_t cap = len * 2 > want ? len * 2 : want;
	if (cap < 16)
		cap = 16;
	void *owner = new_buffer(cap);
	if (len > 0)
		memcpy(buffer_bytes(owner), s->ptr, (size_t)len);
	s->ptr = buffer_bytes(owner);
	s->owner = owner;
	if (old != NULL)
		trt_rc_release(old);
}

void trt_string_reserve(trt_string *s, int64_t extra)
{
	check_len(extra, "trt_string_reserve: negative size");
	make_room(s, (uint64_t)extra);
}

uint64_t rt_string_spare(trt_string *s, uint64_t min)
{
	make_room(s, min);
	uint8_t *end = buffer_bytes(s->owner) + buffer_cap(s->owner);
	return (uint64_t)(end - (s->ptr + s->len));
}

bool rt_utf8_valid(const uint8_t *bytes, uint64_t len)
{
	uint64_t i = 0;
	while (i < len) {
		/* Text is mostly ASCII: skip it a word at a time. */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, bytes + i, 8);
			if (w & 0x8080808080808080u)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		uint32_t c;
		i += rt_fmt_utf8_decode(bytes + i, (int64_t)(len - i), &c);
		if (c == RT_FMT_BAD_UTF8)
			return false;
	}
	return true;
}

void trt_string_push(trt_string *s, const uint8_t *bytes, int64_t len)
{
	check_len(len, "trt_string_push: negative length");
	if (len == 0)
		return;
	/* `bytes` may lie in s's own buffer (a borrowed view of s), which
	 * make_room may release: then keep that buffer alive until the copy is
	 * done.  Only then: the extra reference makes the buffer shared, so s
	 * moves to a new one. */
	void *keep = s->owner;
	if (keep == NULL || bytes < buffer_bytes(keep) || bytes >= buffer_bytes(keep) + buffer_cap(keep))
		keep = NULL;
	else
		trt_rc_retain(keep);
	make_room(s, (uint64_t)len);
	memcpy((uint8_t *)s->ptr + s->len, bytes, (size_t)len);
	s->len += len;
	if (keep != NULL)
		trt_rc_release(keep);
}

void trt_string_push_char(trt_string *s, uint32_t c)
{
	uint8_t b[4];
	int64_t n;
	if (c < 0x80) {
		b[0] = (uint8_t)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (uint8_t)(0xc0 | c >> 6);
		b[1] = (uint8_t)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (uint8_t)(0xe0 | c >> 12);
		b[1] = (uint8_t)(0x80 | (c >> 6 & 0x3f));
		b[2] = (uint8_t)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		b[0] = (uint8_t)(0xf0 | c >> 18);
		b[1] = (uint8_t)(0x80 | (c >> 12 & 0x3f));
		b[2] = (uint8_t)(0x80 | (c >> 6 & 0x3f));
		b[3] = (uint8_t)(0x80 | (c & 0x3f));
		n = 4;
	}
	trt_string_push(s, b, n);
}

void trt_str_retain(void *owner)
{
	trt_rc_retain(owner);
}

void trt_str_release(void *owner)
{
	trt_rc_release(owner);
}

/* ---- The string sink ---- */

static void string_write(trt_sink *self, const uint8_t *bytes, int64_t len)
{
	trt_string_push(((trt_string_sink *)self)->target, bytes, len);
}

void trt_string_sink_init(trt_string_sink *sink, trt_string *target)
{
	sink->base.write = string_write;
	sink->target = target;
}
