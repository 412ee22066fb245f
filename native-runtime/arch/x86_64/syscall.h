/*
 * Raw Linux system calls on x86-64.
 *
 * Only src/os_linux.c includes this file: the rest of the runtime reaches the
 * kernel through src/os.h.  Convention (syscall(2)): number in %rax,
 * arguments in %rdi, %rsi, %rdx, %r10, %r8, %r9; the `syscall` instruction
 * clobbers %rcx and %r11; the result comes back in %rax, with -4095..-1
 * meaning -errno.  "memory" is clobbered because the kernel reads and writes
 * the buffers we pass.
 *
 * The numbers are x86-64's own table (arch/x86/entry/syscalls/syscall_64.tbl);
 * add a number here only together with its AArch64 counterpart.
 */
#ifndef TRT_ARCH_SYSCALL_H
#define TRT_ARCH_SYSCALL_H

#include <stdbool.h>
#include <stdint.h>

#define SYS_write      1
#define SYS_ioctl      16
#define SYS_exit_group 231
#define SYS_ppoll      271

/* Signals, memory mappings and files: used by the unwinder, backtraces,
 * stack guards and fatal-signal handling (os_linux.c).  The trampoline is in
 * sigreturn.S. */
#define SYS_read            0
#define SYS_close           3
#define SYS_lseek           8
#define SYS_mmap            9
#define SYS_mprotect        10
#define SYS_munmap          11
#define SYS_rt_sigaction    13
#define SYS_rt_sigprocmask  14
#define SYS_madvise         28
#define SYS_getpid          39
#define SYS_sigaltstack     131
#define SYS_gettid          186
#define SYS_tgkill          234
#define SYS_openat          257
#define SYS_pipe2           293
#define SYS_prlimit64       302
void rt_arch_sigreturn(void);

/* Threads, futexes, the thread pointer, time and the allocator's mappings
 * (os_linux.c).  The clone trampoline is in clone.S. */
#define SYS_mremap          25
#define SYS_clone           56
#define SYS_exit            60
#define SYS_arch_prctl      158
#define SYS_futex           202
#define SYS_clock_gettime   228
/* The vDSO's name for clock_gettime (os_linux_vdso.c looks it up). */
#define ARCH_VDSO_CLOCK_GETTIME "__vdso_clock_gettime"

/* clone(2) with the kernel's argument order for this architecture
 * (flags, stack, parent_tid, child_tid, tls on x86-64: the C prototype
 * below takes tls before child_tid, as on AArch64, and clone.S swaps them).
 * In the new thread, on `stack` (16-byte aligned), calls fn(arg) and then
 * exits the thread (SYS_exit, not exit_group).  Returns the new thread's id
 * in the caller, or -errno. */
long rt_arch_clone(unsigned long flags, void *stack, int32_t *parent_tid,
                   void *tls, int32_t *child_tid, void (*fn)(void *),
                   void *arg);

static inline long syscall0(long n)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n) : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall1(long n, long a)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a)
	                 : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall2(long n, long a, long b)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b)
	                 : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall3(long n, long a, long b, long c)
{
	long ret;
	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c)
	                 : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall4(long n, long a, long b, long c, long d)
{
	long ret;
	register long r10 __asm__("r10") = d;
	__asm__ volatile("syscall" : "=a"(ret)
	                 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
	                 : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall5(long n, long a, long b, long c, long d, long e)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	__asm__ volatile("syscall" : "=a"(ret)
	                 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
	                 : "rcx", "r11", "memory");
	return ret;
}

static inline long syscall6(long n, long a, long b, long c, long d, long e,
                            long f)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	__asm__ volatile("syscall" : "=a"(ret)
	                 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8),
	                   "r"(r9)
	                 : "rcx", "r11", "memory");
	return ret;
}

/* Sets the calling thread's thread pointer (%fs base) to `tp`: on x86-64 a
 * system call, arch_prctl(ARCH_SET_FS). */
#define RT_ARCH_SET_FS 0x1002
static inline bool rt_arch_set_thread_pointer(void *tp)
{
	return syscall2(SYS_arch_prctl, RT_ARCH_SET_FS, (long)tp) == 0;
}

#endif /* TRT_ARCH_SYSCALL_H */
