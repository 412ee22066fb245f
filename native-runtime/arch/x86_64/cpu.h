/*
 * cpu.h (x86-64) — small CPU hints for portable code.
 */
#ifndef TRT_ARCH_CPU_H
#define TRT_ARCH_CPU_H

/* Inside a spin-wait loop: `pause` lets the sibling hyper-thread run and
 * avoids the memory-order mis-speculation penalty when the loop exits. */
static inline void rt_arch_cpu_relax(void)
{
	__asm__ volatile("pause" ::: "memory");
}

#endif /* TRT_ARCH_CPU_H */
