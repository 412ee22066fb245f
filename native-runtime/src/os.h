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

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OS_STDIN  0
#define OS_STDOUT 1
#define OS_STDERR 2

/* Writes all `len` bytes of `buf` to file descriptor `fd`, in as many
 * system calls as the kernel needs (partial writes, EINTR, and EAGAIN on a
 * descriptor some other process made non-blocking are all absorbed).
 * Returns false if the kernel refused with any other error; how many bytes
 * got through before that is then unknown. */
bool os_write_all(int32_t fd, const uint8_t *buf, size_t len);

/* Reads up to `len` (> 0) bytes from `fd` into `buf`, in one system call
 * when the kernel has input (EINTR is retried; EAGAIN, on a descriptor some
 * other process made non-blocking, waits in ppoll for input).  Returns the
 * count (> 0), 0 at end of input, or -1 when the kernel refused with another
 * error; then *error holds the kernel's error number, for messages only. */
int64_t os_read(int32_t fd, uint8_t *buf, size_t len, int32_t *error);

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

/* ---- Threads, futexes, time, and the allocator's mappings (tls.c,
 * thread.c, alloc_*.c). ---- */

/* Sets the calling thread's thread pointer (%fs base on x86-64, TPIDR_EL0 on
 * AArch64); TLS accesses are relative to it.  True when done. */
bool os_set_thread_pointer(void *tp);

/* Starts a thread of this process — clone(2) with CLONE_VM, CLONE_FS,
 * CLONE_FILES, CLONE_SIGHAND, CLONE_THREAD, CLONE_SYSVSEM, CLONE_SETTLS,
 * CLONE_PARENT_SETTID and CLONE_CHILD_CLEARTID — that runs fn(arg) on the
 * stack ending at `stack_top` with thread pointer `tp` and ends (that thread
 * only) when fn returns.  The kernel stores the new thread's id in *tid
 * before this returns, and stores 0 there, with a futex wake, once the
 * thread has exited and will never touch its stack again.  The new thread
 * starts with the caller's signal mask and no alternate signal stack.  True
 * when the thread was started. */
bool os_thread_start(void (*fn)(void *), void *arg, void *stack_top,
                     void *tp, _Atomic int32_t *tid);
/* Waits until *tid (the word given to os_thread_start) is 0: the thread has
 * exited and its stack and TLS may be unmapped. */
void os_thread_join(_Atomic int32_t *tid);

/* A futex private to this process: os_futex_wait blocks while *addr holds
 * `expected` and returns when woken, on a signal, or spuriously (callers
 * re-check in a loop); os_futex_wake wakes up to `n` waiters. */
void os_futex_wait(_Atomic uint32_t *addr, uint32_t expected);
void os_futex_wake(_Atomic uint32_t *addr, int32_t n);

/* CLOCK_MONOTONIC in nanoseconds: the vDSO's clock_gettime (tens of
 * nanoseconds) where the kernel maps one, else a system call. */
uint64_t os_monotonic_ns(void);

/* Like os_map_anon, but asks for the mapping at `hint` (a hint only: the
 * kernel may place it elsewhere; compare the result). */
void *os_map_anon_hint(void *hint, size_t len);
/* A read-write, zero-filled private mapping that is not charged against the
 * commit limit (MAP_NORESERVE): for large, sparsely touched tables. */
void *os_reserve(size_t len);
/* Gives the pages of [addr, addr+len) back to the kernel (MADV_DONTNEED):
 * the range stays mapped, resident memory drops at once, and the next touch
 * gets zero-filled pages.  True when done. */
bool os_decommit(void *addr, size_t len);
/* Grows or shrinks the mapping at `addr` from old_len to new_len bytes
 * without moving it (mremap without MREMAP_MAYMOVE).  True when done; false
 * when the address space after it is taken (nothing changed then). */
bool os_remap_in_place(void *addr, size_t old_len, size_t new_len);
/* Moves the mapping at `addr` (old_len bytes) to `dest`, new_len bytes long,
 * replacing whatever was mapped at [dest, dest+new_len) (mremap with
 * MREMAP_MAYMOVE | MREMAP_FIXED): the pages move, nothing is copied.  True
 * when done. */
bool os_remap_to(void *addr, size_t old_len, size_t new_len, void *dest);

#endif /* TRT_OS_H */
