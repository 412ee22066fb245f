/*
 * str.c — operations on string values that compiled code calls.
 *
 * Model: a T string is a (pointer, byte length) pair of UTF-8 bytes; the
 * compiler passes the halves as separate arguments.  These functions only
 * read the bytes and never allocate.  When strings become reference-counted
 * buffers, the functions here keep taking borrowed (pointer, length) views.
 */
#include "trt.h"
#include "internal.h"

bool trt_str_eq(const uint8_t *a, int64_t a_len, const uint8_t *b, int64_t b_len)
{
	if (a_len != b_len)
		return false;
	if (a == b || a_len <= 0)
		return true;
	return memcmp(a, b, (size_t)a_len) == 0;
}

int32_t trt_str_cmp(const uint8_t *a, int64_t a_len, const uint8_t *b, int64_t b_len)
{
	int64_t n = a_len < b_len ? a_len : b_len;
	if (a != b && n > 0) {
		int c = memcmp(a, b, (size_t)n);
		if (c != 0)
			return c < 0 ? -1 : 1;
	}
	return a_len < b_len ? -1 : a_len > b_len ? 1 : 0;
}
