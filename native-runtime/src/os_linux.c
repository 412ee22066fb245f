/*
 * os_linux.c — src/os.h on Linux, with raw system calls.
 *
 * Model: each os_* function is a thin loop around one or two system calls
 * from arch/<arch>/syscall.h.  A system call returns a non-negative result or
 * -errno; the errno values and ioctl/poll constants used here are the
 * asm-generic ones, which x86-64 and AArch64 share (an architecture with its
 * own values, such as MIPS, would move them into its syscall.h).
 *
 * Invariant: this is the only portable file that issues system calls.
 */
#include "os.h"
#include "syscall.h"

#define LINUX_EINTR  4
#define LINUX_EAGAIN 11
#define LINUX_TCGETS 0x5401
#define LINUX_POLLOUT 0x0004

/* Kernel `struct pollfd`. */
struct linux_pollfd {
	int32_t fd;
	int16_t events;
	int16_t revents;
};

/* Blocks until `fd` accepts more bytes.  Only reached when someone else put
 * our stdout or stderr in non-blocking mode (a parent sharing the pipe, for
 * instance): the runtime's contract is that writes complete, so it waits
 * rather than dropping output. */
static bool wait_writable(int32_t fd)
{
	for (;;) {
		struct linux_pollfd p = { .fd = fd, .events = LINUX_POLLOUT };
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
			if (!wait_writable(fd))
				return false;
		} else {
			/* A real error, or 0 (which write(2) should not return for
			 * len > 0; looping on it could spin forever). */
			return false;
		}
	}
	return true;
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
