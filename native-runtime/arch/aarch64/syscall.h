/*
 * Raw Linux system calls on AArch64.
 *
 * Only src/os_linux.c includes this file: the rest of the runtime reaches the
 * kernel through src/os.h.  Convention (syscall(2)): number in x8, arguments
 * in x0..x5, `svc #0`, result in x0 with -4095..-1 meaning -errno.  No other
 * register is clobbered.  "memory" is clobbered because the kernel reads and
 * writes the buffers we pass.
 *
 * The numbers are the generic table (include/uapi/asm-generic/unistd.h) that
 * AArch64 uses; add a number here only together with its x86-64 counterpart.
 */
#ifndef TRT_ARCH_SYSCALL_H
#define TRT_ARCH_SYSCALL_H

#include <stdbool.h>
#include <stdint.h>

#define SYS_ioctl      29
#define SYS_write      64
#define SYS_ppoll      73
#define SYS_exit_group 94

/* Signals, memory mappings and files: used by the unwinder, backtraces,
 * stack guards and fatal-signal handling (os_linux.c).  The trampoline is in
 * sigreturn.S. */
#define SYS_openat          56
#define SYS_close           57
#define SYS_pipe2           59
#define SYS_lseek           62
#define SYS_read            63
#define SYS_tgkill          131
#define SYS_sigaltstack     132
#define SYS_rt_sigaction    134
#define SYS_rt_sigprocmask  135
#define SYS_getpid          172
#define SYS_gettid          178
#define SYS_munmap          215
#define SYS_mmap            222
#define SYS_mprotect        226
#define SYS_madvise         233
#define SYS_prlimit64       261
void rt_arch_sigreturn(void);

/* Threads, futexes, the thread pointer, time and the allocator's mappings
 * (os_linux.c).  The clone trampoline is in clone.S. */
#define SYS_exit            93
#define SYS_futex           98
#define SYS_clock_gettime   113
/* The vDSO's name for clock_gettime (os_linux_vdso.c looks it up). */
#define ARCH_VDSO_CLOCK_GETTIME "__kernel_clock_gettime"
#define SYS_mremap          216
#define SYS_clone           220

/* clone(2) with the kernel's argument order for this architecture (AArch64
 * is "CLONE_BACKWARDS": flags, stack, parent_tid, tls, child_tid, which is
 * also the C prototype's order).  In the new thread, on `stack` (16-byte
 * aligned), calls fn(arg) and then exits the thread (SYS_exit, not
 * exit_group).  Returns the new thread's id in the caller, or -errno. */
long rt_arch_clone(unsigned long flags, void *stack, int32_t *parent_tid,
                   void *tls, int32_t *child_tid, void (*fn)(void *),
                   void *arg);

/* Sets the calling thread's thread pointer: TPIDR_EL0 is writable from user
 * mode, no system call needed. */
static inline bool rt_arch_set_thread_pointer(void *tp)
{
	__asm__ volatile("msr tpidr_el0, %0" : : "r"(tp) : "memory");
	return true;
}

static inline long syscall0(long n)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0");
	__asm__ volatile("svc #0" : "=r"(x0) : "r"(x8) : "memory");
	return x0;
}

static inline long syscall1(long n, long a)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8) : "memory");
	return x0;
}

static inline long syscall2(long n, long a, long b)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1) : "memory");
	return x0;
}

static inline long syscall3(long n, long a, long b, long c)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2)
	                 : "memory");
	return x0;
}

static inline long syscall4(long n, long a, long b, long c, long d)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	__asm__ volatile("svc #0" : "+r"(x0)
	                 : "r"(x8), "r"(x1), "r"(x2), "r"(x3)
	                 : "memory");
	return x0;
}

static inline long syscall5(long n, long a, long b, long c, long d, long e)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	__asm__ volatile("svc #0" : "+r"(x0)
	                 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4)
	                 : "memory");
	return x0;
}

static inline long syscall6(long n, long a, long b, long c, long d, long e,
                            long f)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	register long x5 __asm__("x5") = f;
	__asm__ volatile("svc #0" : "+r"(x0)
	                 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
	                 : "memory");
	return x0;
}

#endif /* TRT_ARCH_SYSCALL_H */
