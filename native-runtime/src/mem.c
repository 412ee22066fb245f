/*
 * mem.c — memcpy, memmove, memset, memcmp.
 *
 * Model: LLVM lowers its llvm.memcpy/memmove/memset intrinsics (struct
 * copies, zero-initialization, large moves) to calls to these C library
 * functions, and may emit memcmp for comparisons.  Without libc, the runtime
 * must define them, with exactly the C semantics.
 *
 * They are byte loops that the optimizer vectorizes at -O2; tuned versions
 * (wide or `rep movsb` copies under arch/) can come when profiles ask.
 *
 * Invariant — the trap in this file: the optimizer recognizes copy and fill
 * loops and replaces them with calls to memcpy/memset, which here would be
 * calls to themselves, recursing forever.  The runtime is built with
 * -ffreestanding -fno-builtin, which turns that recognition off.  (LLVM 20
 * also declines to do it inside functions bearing these very names, but that
 * is a courtesy, not a contract.)  Do not drop the flags, and after changing
 * this file check the disassembly: `llvm-objdump -dr mem.c.o` must show no
 * `call` / `bl` and no relocation inside these functions.
 */
#include "internal.h"

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;
	for (size_t i = 0; i < n; i++)
		d[i] = s[i];
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;
	/* Compare addresses as integers: relational comparison of pointers
	 * into different objects is undefined in C. */
	if ((uintptr_t)d <= (uintptr_t)s) {
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
	} else {
		for (size_t i = n; i > 0; i--)
			d[i - 1] = s[i - 1];
	}
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;
	for (size_t i = 0; i < n; i++)
		d[i] = (uint8_t)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a;
	const uint8_t *y = b;
	for (size_t i = 0; i < n; i++) {
		if (x[i] != y[i])
			return (int)x[i] - (int)y[i];
	}
	return 0;
}
