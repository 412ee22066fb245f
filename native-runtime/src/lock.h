/*
 * lock.h — a small mutex for the runtime's slow paths (the allocator's page
 * pool, its heap registry).
 *
 * Model: one 32-bit word, 0 = free, 1 = held, 2 = held and someone may be
 * sleeping on it (Drepper, "Futexes Are Tricky", mutex 2).  Taking a free
 * lock is one compare-and-swap; releasing one nobody waits for is one
 * exchange; only contention reaches the kernel (lock.c spins briefly first,
 * then sleeps with FUTEX_WAIT).
 *
 * Invariants: not recursive; not async-signal-safe (a signal handler must
 * not take a lock the interrupted code may hold); zero-initialized means
 * unlocked, so locks need no set-up.
 */
#ifndef TRT_LOCK_H
#define TRT_LOCK_H

#include <stdatomic.h>
#include <stdint.h>

struct rt_mutex {
	_Atomic uint32_t state;
};

void rt_mutex_lock_slow(struct rt_mutex *m);
void rt_mutex_wake(struct rt_mutex *m);

static inline void rt_mutex_lock(struct rt_mutex *m)
{
	uint32_t expected = 0;
	if (!atomic_compare_exchange_strong_explicit(&m->state, &expected, 1,
	                                             memory_order_acquire,
	                                             memory_order_relaxed))
		rt_mutex_lock_slow(m);
}

static inline void rt_mutex_unlock(struct rt_mutex *m)
{
	if (atomic_exchange_explicit(&m->state, 0, memory_order_release) == 2)
		rt_mutex_wake(m);
}

#endif /* TRT_LOCK_H */
