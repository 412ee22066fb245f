/*
 * random.c — per-process random keys for hashing (trt_random_seed).
 *
 * Model: the kernel hands every process 16 random bytes (AT_RANDOM).  The
 * hash keys are derived from them through splitmix64, so they say nothing
 * about the raw bytes (the allocator keys its double-free mark with half of
 * them).  Each call adds a process-wide counter to the first key, so two
 * hash maps never share keys: iterating one map into another then costs no
 * more than inserting in any other order (with shared keys, it can cluster
 * the second table badly).  Without AT_RANDOM (never on Linux) the keys are
 * fixed constants.
 */
#include "trt.h"
#include "internal.h"

#define AT_RANDOM 25

static uint64_t splitmix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15u;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
	return x ^ (x >> 31);
}

static uint64_t calls;

void trt_random_seed(uint64_t out[2])
{
	uint64_t a = 0x0706050403020100u, b = 0x0f0e0d0c0b0a0908u;
	const uint8_t *r = (const uint8_t *)rt_auxv_get(AT_RANDOM);
	if (r != NULL) {
		a = b = 0;
		for (int i = 0; i < 8; i++) {
			a = (a << 8) | r[i];
			b = (b << 8) | r[8 + i];
		}
	}
	uint64_t n = __atomic_fetch_add(&calls, 1, __ATOMIC_RELAXED);
	out[0] = splitmix64(a ^ splitmix64(b)) + n;
	out[1] = splitmix64(b + 0x632be59bd9b4e019u);
}
