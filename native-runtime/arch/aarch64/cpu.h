/*
 * cpu.h (AArch64) — small CPU hints for portable code.
 */
#ifndef TRT_ARCH_CPU_H
#define TRT_ARCH_CPU_H

/* Inside a spin-wait loop: `yield` tells an SMT core (or a hypervisor) that
 * this thread is only waiting. */
static inline void rt_arch_cpu_relax(void)
{
	__asm__ volatile("yield" ::: "memory");
}

#endif /* TRT_ARCH_CPU_H */
