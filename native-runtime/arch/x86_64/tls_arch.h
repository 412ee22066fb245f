/*
 * tls_arch.h (x86-64) — the thread-pointer ABI for thread-local storage.
 *
 * x86-64 uses TLS "variant II" (Drepper, "ELF Handling For Thread-Local
 * Storage"): %fs points at the thread control block (TCB) and the static TLS
 * block lies right below it; the linker resolves local-exec accesses to
 * negative offsets from %fs.  The first word of the TCB must hold its own
 * address: compilers read %fs:0 to get the thread pointer as a number
 * (`movq %fs:0, %rax; leaq x@tpoff(%rax)`).
 *
 * Invariant: included only by src/tls.c.
 */
#ifndef TRT_TLS_ARCH_H
#define TRT_TLS_ARCH_H

#define RT_TLS_VARIANT 2
/* Bytes of TCB at and above the thread pointer.  Only the self-pointer is
 * ours; the rest reads as zero, so code built elsewhere that peeks at the
 * usual glibc slots (the stack-protector canary at %fs:0x28) finds zeros
 * instead of another thread's TLS. */
#define RT_TLS_TCB_SIZE 64

static inline void *rt_arch_thread_pointer(void)
{
	void *tp;
	__asm__("movq %%fs:0, %0" : "=r"(tp));
	return tp;
}

#endif /* TRT_TLS_ARCH_H */
