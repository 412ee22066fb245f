/*
 * lock.c — the contended half of lock.h's mutex.
 *
 * Model: spin a little (a lock in the allocator is held for tens of
 * nanoseconds, shorter than a trip through the kernel), then mark the lock
 * contended (2) and sleep on the word until the holder's unlock sees 2 and
 * wakes one sleeper.  A woken thread takes the lock as contended again,
 * because it cannot know whether others still sleep: at worst one
 * unnecessary wake-up.
 */
#include "cpu.h"
#include "lock.h"
#include "os.h"

#define SPINS 64

void rt_mutex_lock_slow(struct rt_mutex *m)
{
	for (int i = 0; i < SPINS; i++) {
		uint32_t expected = 0;
		if (atomic_load_explicit(&m->state, memory_order_relaxed) == 0 &&
		    atomic_compare_exchange_weak_explicit(
			    &m->state, &expected, 1, memory_order_acquire,
			    memory_order_relaxed))
			return;
		rt_arch_cpu_relax();
	}
	while (atomic_exchange_explicit(&m->state, 2, memory_order_acquire) != 0)
		os_futex_wait(&m->state, 2);
}

void rt_mutex_wake(struct rt_mutex *m)
{
	os_futex_wake(&m->state, 1);
}
