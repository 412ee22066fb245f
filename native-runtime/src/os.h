/*
 * os.h — the runtime's only door to the operating system.
 *
 * Model: every service the runtime needs from the kernel is one function
 * here, with a contract stated in runtime terms (bytes written or not,
 * terminal or not), never in errno terms.  src/os_linux.c implements it with
 * raw system calls; a later libc-backed mode will implement the same
 * functions on top of libc, and nothing else in the runtime will change.
 *
 * Invariants:
 *   - No file outside os_*.c includes arch/<arch>/syscall.h or issues a
 *     system call.
 *   - Retrying after EINTR, short writes and similar kernel details are
 *     handled inside this layer; callers see only the outcome.
 *   - Nothing here allocates or prints: the layer sits below the allocator
 *     and below the I/O buffering, which are built on it.
 */
#ifndef TRT_OS_H
#define TRT_OS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OS_STDOUT 1
#define OS_STDERR 2

/* Writes all `len` bytes of `buf` to file descriptor `fd`, in as many
 * system calls as the kernel needs (partial writes, EINTR, and EAGAIN on a
 * descriptor some other process made non-blocking are all absorbed).
 * Returns false if the kernel refused with any other error; how many bytes
 * got through before that is then unknown. */
bool os_write_all(int32_t fd, const uint8_t *buf, size_t len);

/* True when `fd` is a terminal. */
bool os_isatty(int32_t fd);

/* Ends the whole process (every thread) with `status`; the parent sees
 * status & 0xff.  Does not flush anything: that is the caller's job. */
_Noreturn void os_exit(int32_t status);

#endif /* TRT_OS_H */
