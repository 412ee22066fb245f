/*
 * alloc_large_cache.c — freed large mappings kept for a while, so that a
 * program that frees and allocates big buffers over and over (a loop
 * building a 500 KiB string per iteration) reuses resident memory instead
 * of paying mmap, a page fault per touched page and munmap every time.
 *
 * Model: up to CACHE_SLOTS mappings, CACHE_BYTES in all, each at most
 * ENTRY_MAX bytes, behind one lock.  A mapping enters when its block is
 * freed (its header's kind becomes SEG_LARGE_FREE, so freeing the block
 * again is still caught, and the leak check's walk skips it); it leaves
 * when an allocation takes it — the smallest one at least as long as
 * needed and at most a quarter longer (the waste size classes allow) — or
 * when it has been idle for EXPIRE_NS, or to make room (oldest first).
 * Expiry is checked by the allocator's own operations (large ones here,
 * span acquire/retire in alloc_pool.c): there is no background thread, so
 * a program that stops allocating keeps at most CACHE_BYTES.
 *
 * Invariants: cached mappings keep their registry bit and stay counted in
 * rt_mapped_bytes (they are mapped), not in any live statistic; only the
 * lock holder touches the table; munmap happens after the lock is
 * dropped.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"
#include "alloc_internal.h"

#define CACHE_SLOTS 64
#define CACHE_BYTES ((size_t)64 << 20)
#define ENTRY_MAX   ((size_t)8 << 20)
#define EXPIRE_NS   ((uint64_t)50 * 1000 * 1000)

static struct {
	struct rt_mutex lock;
	unsigned n;
	size_t bytes;
	struct large *slot[CACHE_SLOTS];
	size_t len[CACHE_SLOTS];      /* slot[i]->map_len, read without touching the mapping */
	uint64_t freed_ns[CACHE_SLOTS];
} cache;
/* The time the oldest entry expires (UINT64_MAX: empty), read without the
 * lock so that expiry checks cost one load when nothing is due. */
static _Atomic uint64_t next_expiry = UINT64_MAX;

static void unmap(struct large *l)
{
	size_t len = l->map_len;
	rt_registry_remove((uintptr_t)l);
	atomic_fetch_sub_explicit(&rt_mapped_bytes, len, memory_order_relaxed);
	os_unmap(l, len);
}

static void remove_at(unsigned i)
{
	cache.bytes -= cache.len[i];
	cache.n--;
	cache.slot[i] = cache.slot[cache.n];
	cache.len[i] = cache.len[cache.n];
	cache.freed_ns[i] = cache.freed_ns[cache.n];
}

static void update_expiry(void)
{
	uint64_t oldest = UINT64_MAX;
	for (unsigned i = 0; i < cache.n; i++)
		if (cache.freed_ns[i] < oldest)
			oldest = cache.freed_ns[i];
	atomic_store_explicit(&next_expiry,
	                      oldest == UINT64_MAX ? UINT64_MAX : oldest + EXPIRE_NS,
	                      memory_order_relaxed);
}

struct large *rt_large_cache_take(size_t len)
{
	if (atomic_load_explicit(&next_expiry, memory_order_relaxed) == UINT64_MAX)
		return NULL; /* empty: no lock */
	struct large *best = NULL;
	rt_mutex_lock(&cache.lock);
	unsigned at = 0;
	for (unsigned i = 0; i < cache.n; i++) {
		size_t m = cache.len[i];
		if (m >= len && m - len <= len / 4 &&
		    (best == NULL || m < cache.len[at])) {
			best = cache.slot[i];
			at = i;
		}
	}
	if (best != NULL) {
		remove_at(at);
		update_expiry();
	}
	rt_mutex_unlock(&cache.lock);
	return best;
}

bool rt_large_cache_put(struct large *l, uint64_t now)
{
	if (l->map_len > ENTRY_MAX)
		return false;
	struct large *evicted[CACHE_SLOTS];
	unsigned nevicted = 0;
	rt_mutex_lock(&cache.lock);
	/* Expired entries go, and the oldest others while there is no room. */
	while (cache.n > 0) {
		unsigned oldest = 0;
		for (unsigned i = 1; i < cache.n; i++)
			if (cache.freed_ns[i] < cache.freed_ns[oldest])
				oldest = i;
		bool full = cache.n == CACHE_SLOTS ||
			cache.bytes + l->map_len > CACHE_BYTES;
		if (!full && cache.freed_ns[oldest] + EXPIRE_NS > now)
			break;
		evicted[nevicted++] = cache.slot[oldest];
		remove_at(oldest);
	}
	l->head.kind = SEG_LARGE_FREE;
	cache.slot[cache.n] = l;
	cache.len[cache.n] = l->map_len;
	cache.freed_ns[cache.n] = now;
	cache.n++;
	cache.bytes += l->map_len;
	update_expiry();
	rt_mutex_unlock(&cache.lock);
	for (unsigned i = 0; i < nevicted; i++)
		unmap(evicted[i]);
	return true;
}

void rt_large_cache_expire(uint64_t now)
{
	if (atomic_load_explicit(&next_expiry, memory_order_relaxed) > now)
		return;
	struct large *expired[CACHE_SLOTS];
	unsigned n = 0;
	rt_mutex_lock(&cache.lock);
	for (unsigned i = 0; i < cache.n;) {
		if (cache.freed_ns[i] + EXPIRE_NS <= now) {
			expired[n++] = cache.slot[i];
			remove_at(i);
		} else {
			i++;
		}
	}
	update_expiry();
	rt_mutex_unlock(&cache.lock);
	for (unsigned i = 0; i < n; i++)
		unmap(expired[i]);
}
