/*
 * internal.h — declarations shared between runtime files.
 *
 * Everything the runtime exports to compiled code is in include/trt.h and
 * named trt_*.  Everything one runtime file offers another is here and named
 * rt_* (or is one of the C library functions LLVM may call).  A function that
 * only its own file uses stays `static` and is not listed.  Each group below
 * names the file that defines it.
 */
#ifndef TRT_INTERNAL_H
#define TRT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- args.c: argv and envp as the kernel passed them ---- */
void rt_args_init(int64_t argc, const uint8_t *const *argv,
                  const uint8_t *const *envp);
const uint8_t *const *rt_envp(void);

/* ---- auxv.c: the ELF auxiliary vector ---- */
void rt_auxv_init(const uintptr_t *auxv);
/* The value of entry `type` (AT_* from <elf.h>), or 0 when absent. */
uintptr_t rt_auxv_get(uintptr_t type);

/* The value of environment variable `name` (a NUL-terminated ASCII name):
 * the bytes after "name=", NUL-terminated, or NULL when it is not set. */
const uint8_t *rt_getenv(const char *name);

/* ---- tls.c: thread-local storage ---- */
/* Finds PT_TLS, builds the main thread's TLS area and sets its thread
 * pointer.  Runs in trt_start before anything uses `_Thread_local`. */
void rt_tls_init_main(void);
/* Bytes a thread's TLS area needs (block, TCB and alignment slack); an area
 * must be 16-byte aligned and zero-filled. */
size_t rt_tls_area_size(void);
/* Copies the initialization image into `area` and returns the thread
 * pointer for it (what os_thread_start / os_set_thread_pointer take). */
void *rt_tls_area_init(void *area);
/* The calling thread's thread pointer. */
void *rt_tls_thread_pointer(void);

/* ---- thread.c: raw OS threads ---- */
struct rt_thread;
/* Starts a thread running fn(arg) on a fresh stack of at least `stack_size`
 * bytes (0: 2 MiB) with guard pages, its own TLS area and its own alternate
 * signal stack.  NULL when the system refused (no memory, no threads). */
struct rt_thread *rt_thread_spawn(void (*fn)(void *), void *arg,
                                  size_t stack_size);
/* Waits for the thread to finish and frees its stack; `t` is invalid
 * afterwards.  Each thread must be joined exactly once. */
void rt_thread_join(struct rt_thread *t);

/* ---- alloc*.c: the allocator (entry points in trt_mem.h) ---- */
/* Start-up: the double-free key from AT_RANDOM.  Before it, allocation
 * works with a fixed key. */
void rt_alloc_init(void);
/* A runtime thread is exiting: its heap's spans go to the page pool (those
 * still holding blocks as orphans, which other threads may free into) and
 * the heap is kept for the next thread.  Called by thread.c. */
void rt_alloc_thread_exit(void);

/* ---- leak.c: T_LEAK_CHECK ---- */
/* Called with t_entry's status before the normal exit: when T_LEAK_CHECK is
 * set and blocks are still allocated, reports them on stderr and returns
 * TRT_LEAK_STATUS in place of 0; otherwise returns `status`.  Allocates
 * nothing. */
int32_t rt_leak_check(int32_t status);

/* ---- io.c: buffered stdout, unbuffered stderr ---- */
void rt_io_init(void);
/* Flushes stdout (stderr has no buffer).  Safe to call at any time. */
void rt_io_flush_all(void);
/* Flushes stdout, then writes to stderr, never captured: the runtime's own
 * reports (trt_write(2, ...) is compiled code's, and may be captured). */
void rt_io_write_stderr(const uint8_t *bytes, size_t len);

/* ---- str.c: what io.c builds strings with ---- */
/* Makes sure *s has a unique buffer with at least `min` bytes of room after
 * its end and returns how many there are (maybe more than `min`), so that a
 * reader can fill them directly and then add what it wrote to s->len. */
struct trt_string;
uint64_t rt_string_spare(struct trt_string *s, uint64_t min);
/* True when bytes[0..len) are well-formed UTF-8 (as Rust's from_utf8). */
bool rt_utf8_valid(const uint8_t *bytes, uint64_t len);

/* ---- fmt.c: number formatting without allocation ---- */
/* Longest output of rt_fmt_i64: '-' and 19 digits. */
#define RT_FMT_I64_MAX 20
/* Writes `v` in decimal to `out` (at least RT_FMT_I64_MAX bytes) and returns
 * the number of bytes written. */
size_t rt_fmt_i64(uint8_t *out, int64_t v);
/* The same for an unsigned value (at most 20 digits). */
size_t rt_fmt_u64(uint8_t *out, uint64_t v);
/* Encodes the Unicode scalar value `c` as UTF-8 into `out` (at least 4
 * bytes) and returns the length.  `c` must be a scalar value (the compiler
 * guarantees it for `char`). */
size_t rt_utf8_encode(uint8_t *out, uint32_t c);

/* ---- exit.c: the one way out of the process ---- */
/* Flushes output and ends the process with `status`. */
_Noreturn void rt_exit(int32_t status);

/* ---- panic.c: panics and fatal errors ---- */
/* Reports an internal error — a broken contract between compiler and runtime,
 * not a user-program failure — as "trt: internal error: MSG VALUE" on
 * stderr and exits with TRT_BUG_STATUS.  `msg` is a NUL-terminated ASCII
 * string from the runtime itself. */
_Noreturn void rt_bug(const char *msg, int64_t value);
/* io.c's hook: while trt_panic_begin captures a message, takes the bytes
 * compiled code writes to stream 2 and returns true; otherwise false. */
bool rt_panic_capture_write(const uint8_t *bytes, size_t len);

/* ---- mem.c: what LLVM may emit calls to ---- */
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

/* ---- fmath.c: what LLVM emits calls to for float `%` ---- */
double fmod(double x, double y);
float fmodf(float x, float y);

/* Length of a NUL-terminated string (argv entries, runtime messages). */
static inline size_t rt_cstr_len(const char *s)
{
	size_t n = 0;
	while (s[n] != '\0')
		n++;
	return n;
}

/* Runs the drops rc.c deferred because the stack was nearly used up (deep
 * chains of drops); the leak check runs them first, since a panic may have
 * unwound past the frames that would have. */
void rt_rc_run_deferred_drops(void);

#endif /* TRT_INTERNAL_H */
