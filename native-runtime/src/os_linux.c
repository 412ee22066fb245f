/*
 * os_linux.c — src/os.h on Linux, with raw system calls.
 *
 * Model: each os_* function is a thin loop around one or two system calls
 * from arch/<arch>/syscall.h.  A system call returns a non-negative result or
 * -errno; the errno values and ioctl/poll constants used here are the
 * asm-generic ones, which x86-64 and AArch64 share (an architecture with its
 * own values, such as MIPS, would move them into its syscall.h).
 *
 * Invariant: this is the only portable file that issues system calls
 * (os_linux_vdso.c finds the vDSO functions that stand in for some).
 */
#include <stdatomic.h>

#include "os.h"
#include "syscall.h"

/* os_linux_vdso.c: the address of a function the vDSO exports, or NULL. */
void *os_linux_vdso_symbol(const char *name);

#define LINUX_EINTR  4
#define LINUX_EAGAIN 11
#define LINUX_TCGETS 0x5401
#define LINUX_POLLIN  0x0001
#define LINUX_POLLOUT 0x0004

/* Kernel `struct pollfd`. */
struct linux_pollfd {
	int32_t fd;
	int16_t events;
	int16_t revents;
};

/* Blocks until `fd` accepts more bytes (events POLLOUT) or has input
 * (POLLIN).  Only reached when someone else put our stdin, stdout or stderr
 * in non-blocking mode (a parent sharing the pipe, for instance): the
 * runtime's contract is that writes complete and reads wait for input, so it
 * waits rather than dropping output or reporting a spurious end. */
static bool wait_ready(int32_t fd, int16_t events)
{
	for (;;) {
		struct linux_pollfd p = { .fd = fd, .events = events };
		long r = syscall5(SYS_ppoll, (long)&p, 1, 0, 0, 0);
		if (r >= 0)
			return true;
		if (r != -LINUX_EINTR)
			return false;
	}
}

bool os_write_all(int32_t fd, const uint8_t *buf, size_t len)
{
	while (len > 0) {
		long n = syscall3(SYS_write, fd, (long)buf, (long)len);
		if (n > 0) {
			buf += n;
			len -= (size_t)n;
		} else if (n == -LINUX_EINTR) {
			continue;
		} else if (n == -LINUX_EAGAIN) {
			if (!wait_ready(fd, LINUX_POLLOUT))
				return false;
		} else {
			/* A real error, or 0 (which write(2) should not return for
			 * len > 0; looping on it could spin forever). */
			return false;
		}
	}
	return true;
}

int64_t os_read(int32_t fd, uint8_t *buf, size_t len, int32_t *error)
{
	for (;;) {
		long n = syscall3(SYS_read, fd, (long)buf, (long)len);
		if (n >= 0)
			return n;
		if (n == -LINUX_EINTR)
			continue;
		if (n == -LINUX_EAGAIN && wait_ready(fd, LINUX_POLLIN))
			continue;
		*error = (int32_t)-n;
		return -1;
	}
}

bool os_isatty(int32_t fd)
{
	/* TCGETS succeeds only on terminals.  The kernel's struct termios is
	 * 36 bytes on x86-64 and AArch64; the buffer is larger so that no
	 * architecture can make the kernel write past it. */
	uint64_t termios[8];
	return syscall3(SYS_ioctl, fd, LINUX_TCGETS, (long)termios) == 0;
}

_Noreturn void os_exit(int32_t status)
{
	/* exit_group, not exit: exit ends only the calling thread. */
	for (;;)
		syscall1(SYS_exit_group, status);
}

/* ---- Memory, files and signals ------------------------------------------
 *
 * For the unwinder (mapping /proc/self/exe), stack guards and fatal-signal
 * handling.  Constants are the asm-generic values, which x86-64 and AArch64
 * share; the kernel's struct sigaction and stack_t have the same layout on
 * both (AArch64 has sa_restorer too).
 */
#define LINUX_PROT_NONE     0
#define LINUX_PROT_READ     1
#define LINUX_PROT_WRITE    2
#define LINUX_MAP_PRIVATE   0x02
#define LINUX_MAP_ANONYMOUS 0x20
#define LINUX_MADV_GUARD_INSTALL 102
#define LINUX_MADV_GUARD_REMOVE  103
#define LINUX_AT_FDCWD      (-100)
#define LINUX_O_RDONLY      0
#define LINUX_O_CLOEXEC     02000000
#define LINUX_SEEK_END      2
#define LINUX_RLIMIT_STACK  3
#define LINUX_SA_SIGINFO    0x00000004UL
#define LINUX_SA_ONSTACK    0x08000000UL
#define LINUX_SA_RESTORER   0x04000000UL
#define LINUX_SIG_DFL       0
#define LINUX_SIG_UNBLOCK   1

struct linux_sigaction {
	void *handler;
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

struct linux_stack {
	void *sp;
	int32_t flags;
	size_t size;
};

struct linux_rlimit {
	uint64_t cur;
	uint64_t max;
};

static bool is_err(long r)
{
	return r < 0 && r > -4096;
}

void *os_map_anon(size_t len)
{
	long r = syscall6(SYS_mmap, 0, (long)len,
	                  LINUX_PROT_READ | LINUX_PROT_WRITE,
	                  LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS, -1, 0);
	return is_err(r) ? NULL : (void *)r;
}

void os_unmap(void *addr, size_t len)
{
	(void)syscall2(SYS_munmap, (long)addr, (long)len);
}

bool os_protect_none(void *addr, size_t len)
{
	return syscall3(SYS_mprotect, (long)addr, (long)len,
	                LINUX_PROT_NONE) == 0;
}

bool os_guard_install(void *addr, size_t len)
{
	return syscall3(SYS_madvise, (long)addr, (long)len,
	                LINUX_MADV_GUARD_INSTALL) == 0;
}

bool os_guard_remove(void *addr, size_t len)
{
	return syscall3(SYS_madvise, (long)addr, (long)len,
	                LINUX_MADV_GUARD_REMOVE) == 0;
}

bool os_memory_readable(const void *addr, size_t len)
{
	/* The kernel copies from user memory with fault handling: write(2)
	 * from an unreadable address fails with EFAULT instead of raising a
	 * signal.  A pipe holds at least one page, so `len` up to 4096 never
	 * blocks. */
	int32_t fds[2];
	if (syscall2(SYS_pipe2, (long)fds, LINUX_O_CLOEXEC) != 0)
		return false;
	bool ok = true;
	while (len > 0) {
		size_t n = len < 4096 ? len : 4096;
		long r = syscall3(SYS_write, fds[1], (long)addr, (long)n);
		if (r == -LINUX_EINTR)
			continue;
		if (r <= 0) {
			ok = false;
			break;
		}
		/* Drain so the next chunk fits. */
		uint8_t sink[256];
		long left = r;
		while (left > 0) {
			long m = syscall3(SYS_read, fds[0], (long)sink,
			                  left < 256 ? left : 256);
			if (m <= 0)
				break;
			left -= m;
		}
		addr = (const uint8_t *)addr + r;
		len -= (size_t)r;
	}
	(void)syscall1(SYS_close, fds[0]);
	(void)syscall1(SYS_close, fds[1]);
	return ok;
}

const uint8_t *os_map_file(const char *path, size_t *len)
{
	long fd;
	do {
		fd = syscall4(SYS_openat, LINUX_AT_FDCWD, (long)path,
		              LINUX_O_RDONLY | LINUX_O_CLOEXEC, 0);
	} while (fd == -LINUX_EINTR);
	if (is_err(fd))
		return NULL;
	long size = syscall3(SYS_lseek, fd, 0, LINUX_SEEK_END);
	long r = -1;
	if (size > 0)
		r = syscall6(SYS_mmap, 0, size, LINUX_PROT_READ,
		             LINUX_MAP_PRIVATE, fd, 0);
	(void)syscall1(SYS_close, fd);
	if (size <= 0 || is_err(r))
		return NULL;
	*len = (size_t)size;
	return (const uint8_t *)r;
}

size_t os_stack_rlimit(void)
{
	struct linux_rlimit lim;
	if (syscall4(SYS_prlimit64, 0, LINUX_RLIMIT_STACK, 0, (long)&lim) != 0)
		return 0;
	if (lim.cur == ~(uint64_t)0)
		return SIZE_MAX;
	return (size_t)lim.cur;
}

bool os_signal_handle(int sig, os_signal_handler handler)
{
	struct linux_sigaction sa = {
		.handler = (void *)handler,
		.flags = LINUX_SA_SIGINFO | LINUX_SA_ONSTACK | LINUX_SA_RESTORER,
		.restorer = rt_arch_sigreturn,
		.mask = 0,
	};
	return syscall4(SYS_rt_sigaction, sig, (long)&sa, 0, 8) == 0;
}

void os_signal_default(int sig)
{
	struct linux_sigaction sa = {
		.handler = (void *)LINUX_SIG_DFL,
		.flags = LINUX_SA_RESTORER,
		.restorer = rt_arch_sigreturn,
		.mask = 0,
	};
	(void)syscall4(SYS_rt_sigaction, sig, (long)&sa, 0, 8);
}

void os_signal_unblock(int sig)
{
	uint64_t set = (uint64_t)1 << (sig - 1);
	(void)syscall4(SYS_rt_sigprocmask, LINUX_SIG_UNBLOCK, (long)&set, 0, 8);
}

void os_signal_raise(int sig)
{
	long pid = syscall0(SYS_getpid);
	long tid = syscall0(SYS_gettid);
	(void)syscall3(SYS_tgkill, pid, tid, sig);
}

bool os_signal_altstack(void *base, size_t len)
{
	struct linux_stack ss = { .sp = base, .flags = 0, .size = len };
	return syscall2(SYS_sigaltstack, (long)&ss, 0) == 0;
}

bool os_protect_read_write(void *addr, size_t len)
{
	return syscall3(SYS_mprotect, (long)addr, (long)len,
	                LINUX_PROT_READ | LINUX_PROT_WRITE) == 0;
}

/* ---- Threads, futexes, time, and the allocator's mappings --------------- */
#define LINUX_CLONE_VM             0x00000100UL
#define LINUX_CLONE_FS             0x00000200UL
#define LINUX_CLONE_FILES          0x00000400UL
#define LINUX_CLONE_SIGHAND        0x00000800UL
#define LINUX_CLONE_THREAD         0x00010000UL
#define LINUX_CLONE_SYSVSEM        0x00040000UL
#define LINUX_CLONE_SETTLS         0x00080000UL
#define LINUX_CLONE_PARENT_SETTID  0x00100000UL
#define LINUX_CLONE_CHILD_CLEARTID 0x00200000UL
#define LINUX_FUTEX_WAIT           0
#define LINUX_FUTEX_WAKE           1
#define LINUX_FUTEX_PRIVATE_FLAG   128
#define LINUX_CLOCK_MONOTONIC      1
#define LINUX_MAP_NORESERVE        0x4000
#define LINUX_MADV_DONTNEED        4
#define LINUX_MREMAP_MAYMOVE       1
#define LINUX_MREMAP_FIXED         2

struct linux_timespec {
	int64_t sec;
	int64_t nsec;
};

bool os_set_thread_pointer(void *tp)
{
	return rt_arch_set_thread_pointer(tp);
}

bool os_thread_start(void (*fn)(void *), void *arg, void *stack_top,
                     void *tp, _Atomic int32_t *tid)
{
	unsigned long flags = LINUX_CLONE_VM | LINUX_CLONE_FS |
		LINUX_CLONE_FILES | LINUX_CLONE_SIGHAND | LINUX_CLONE_THREAD |
		LINUX_CLONE_SYSVSEM | LINUX_CLONE_SETTLS |
		LINUX_CLONE_PARENT_SETTID | LINUX_CLONE_CHILD_CLEARTID;
	/* The kernel writes the tid words as plain int32 stores; an _Atomic
	 * int32_t has the same size and representation. */
	int32_t *word = (int32_t *)tid;
	long r = rt_arch_clone(flags, stack_top, word, tp, word, fn, arg);
	return r > 0;
}

void os_thread_join(_Atomic int32_t *tid)
{
	for (;;) {
		int32_t v = atomic_load_explicit(tid, memory_order_acquire);
		if (v == 0)
			return;
		/* Not FUTEX_PRIVATE_FLAG: the kernel's wake at thread exit
		 * (CLONE_CHILD_CLEARTID) is a shared-futex wake, and a private
		 * waiter would never see it. */
		(void)syscall6(SYS_futex, (long)tid, LINUX_FUTEX_WAIT, v, 0, 0, 0);
	}
}

void os_futex_wait(_Atomic uint32_t *addr, uint32_t expected)
{
	(void)syscall6(SYS_futex, (long)addr,
	               LINUX_FUTEX_WAIT | LINUX_FUTEX_PRIVATE_FLAG,
	               (long)expected, 0, 0, 0);
}

void os_futex_wake(_Atomic uint32_t *addr, int32_t n)
{
	(void)syscall6(SYS_futex, (long)addr,
	               LINUX_FUTEX_WAKE | LINUX_FUTEX_PRIVATE_FLAG, n, 0, 0, 0);
}

/* The vDSO's clock_gettime, looked up on first use: NULL before, the
 * sentinel `no_vdso` when there is none.  Racing first callers look it up
 * twice and store the same answer. */
typedef int (*vdso_clock_gettime_fn)(long clock, struct linux_timespec *ts);
static int no_vdso(long clock, struct linux_timespec *ts)
{
	return (int)syscall2(SYS_clock_gettime, clock, (long)ts);
}
static _Atomic(vdso_clock_gettime_fn) clock_gettime_fn;

uint64_t os_monotonic_ns(void)
{
	vdso_clock_gettime_fn f = atomic_load_explicit(&clock_gettime_fn,
	                                               memory_order_relaxed);
	if (__builtin_expect(f == NULL, 0)) {
		f = (vdso_clock_gettime_fn)os_linux_vdso_symbol(ARCH_VDSO_CLOCK_GETTIME);
		if (f == NULL)
			f = no_vdso;
		atomic_store_explicit(&clock_gettime_fn, f, memory_order_relaxed);
	}
	struct linux_timespec ts = { 0, 0 };
	if (f(LINUX_CLOCK_MONOTONIC, &ts) != 0)
		(void)syscall2(SYS_clock_gettime, LINUX_CLOCK_MONOTONIC, (long)&ts);
	return (uint64_t)ts.sec * 1000000000u + (uint64_t)ts.nsec;
}

void *os_map_anon_hint(void *hint, size_t len)
{
	long r = syscall6(SYS_mmap, (long)hint, (long)len,
	                  LINUX_PROT_READ | LINUX_PROT_WRITE,
	                  LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS, -1, 0);
	return is_err(r) ? NULL : (void *)r;
}

void *os_reserve(size_t len)
{
	long r = syscall6(SYS_mmap, 0, (long)len,
	                  LINUX_PROT_READ | LINUX_PROT_WRITE,
	                  LINUX_MAP_PRIVATE | LINUX_MAP_ANONYMOUS |
	                  LINUX_MAP_NORESERVE, -1, 0);
	return is_err(r) ? NULL : (void *)r;
}

bool os_decommit(void *addr, size_t len)
{
	return syscall3(SYS_madvise, (long)addr, (long)len,
	                LINUX_MADV_DONTNEED) == 0;
}

bool os_remap_in_place(void *addr, size_t old_len, size_t new_len)
{
	long r = syscall5(SYS_mremap, (long)addr, (long)old_len, (long)new_len,
	                  0, 0);
	return !is_err(r) && (void *)r == addr;
}

bool os_remap_to(void *addr, size_t old_len, size_t new_len, void *dest)
{
	long r = syscall5(SYS_mremap, (long)addr, (long)old_len, (long)new_len,
	                  LINUX_MREMAP_MAYMOVE | LINUX_MREMAP_FIXED, (long)dest);
	return !is_err(r) && (void *)r == dest;
}
