/*
 * tls_arch.h (AArch64) — the thread-pointer ABI for thread-local storage.
 *
 * AArch64 uses TLS "variant I": TPIDR_EL0 points at a 16-byte thread control
 * block (TCB) and the static TLS block follows it, at the first address past
 * the TCB that is congruent to the PT_TLS segment's p_vaddr modulo its
 * p_align; the linker resolves local-exec accesses to positive offsets from
 * the thread pointer.  The TCB's two words are reserved for a dynamic
 * loader (dtv pointer); we keep them zero.
 *
 * Invariant: included only by src/tls.c.
 */
#ifndef TRT_TLS_ARCH_H
#define TRT_TLS_ARCH_H

#define RT_TLS_VARIANT 1
#define RT_TLS_TCB_SIZE 16

static inline void *rt_arch_thread_pointer(void)
{
	void *tp;
	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(tp));
	return tp;
}

#endif /* TRT_TLS_ARCH_H */
