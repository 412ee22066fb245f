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

/* ---- Memory, files and signals (unwinder, backtraces, stack guards,
 * fatal signals).  All are async-signal-safe: plain system calls. ---- */

/* Signal numbers (the same on x86-64 and AArch64 Linux). */
#define OS_SIGILL  4
#define OS_SIGTRAP 5
#define OS_SIGABRT 6
#define OS_SIGBUS  7
#define OS_SIGFPE  8
#define OS_SIGSEGV 11

/* A new private, zero-filled, read-write mapping of `len` bytes (a multiple
 * of the page size), or NULL. */
void *os_map_anon(size_t len);
void os_unmap(void *addr, size_t len);
/* Makes [addr, addr+len) inaccessible (PROT_NONE); true when done. */
bool os_protect_none(void *addr, size_t len);
/* Installs (or removes) lightweight guard regions over [addr, addr+len) of a
 * private anonymous mapping with MADV_GUARD_INSTALL / MADV_GUARD_REMOVE
 * (Linux 6.13+).  True when the kernel accepted the request — which is not
 * proof that it installed anything: emulators may accept and ignore it. */
bool os_guard_install(void *addr, size_t len);
bool os_guard_remove(void *addr, size_t len);
/* True when the kernel can read `len` bytes at `addr` on our behalf (they are
 * mapped and readable).  Costs a pipe and a write; never faults. */
bool os_memory_readable(const void *addr, size_t len);

/* Maps the whole file at `path` read-only and private; stores its size in
 * *len.  NULL when it cannot be opened or mapped. */
const uint8_t *os_map_file(const char *path, size_t *len);

/* The soft RLIMIT_STACK in bytes; 0 when unknown, SIZE_MAX when unlimited. */
size_t os_stack_rlimit(void);

/* Handler for fatal signals: (signal, siginfo_t *, ucontext_t *). */
typedef void (*os_signal_handler)(int sig, void *info, void *ucontext);
/* Installs `handler` for `sig`, to run on the alternate signal stack with
 * the signal blocked while it runs.  True when done. */
bool os_signal_handle(int sig, os_signal_handler handler);
/* Restores the default action of `sig`. */
void os_signal_default(int sig);
/* Removes `sig` from the calling thread's blocked set. */
void os_signal_unblock(int sig);
/* Sends `sig` to the calling thread. */
void os_signal_raise(int sig);
/* Makes [base, base+len) the calling thread's alternate signal stack. */
bool os_signal_altstack(void *base, size_t len);
/* Makes [addr, addr+len) readable and writable again; true when done. */
bool os_protect_read_write(void *addr, size_t len);

#endif /* TRT_OS_H */
