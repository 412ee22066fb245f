/*
 * trt.h — the compiler <-> runtime ABI of T.
 *
 * This header is the contract between code emitted by `tcc` and the native
 * runtime (libtrt).  The compiler does not include it (it emits LLVM IR), so
 * every declaration here must match, symbol for symbol and type for type, what
 * the backend declares.  docs/abi.md restates it for readers who do not read C.
 *
 * Conventions that hold for every entry point:
 *
 *   - Plain C calling convention of the target (System V x86-64, AAPCS64).
 *   - Strings are (pointer, byte length) pairs of UTF-8.  They are not
 *     NUL-terminated and the runtime never looks past `len` bytes.  A length
 *     of 0 may come with any pointer, NULL included.
 *   - `stream` is 1 (standard output) or 2 (standard error).  Any other value
 *     is a bug in the compiler: the runtime reports it on stderr and exits
 *     with status 134.
 *   - Preconditions the compiler must establish are stated per function;
 *     the runtime checks only those that are cheap and whose violation would
 *     otherwise be silent.
 *   - Entry points that print never fail visibly: if the operating system
 *     refuses the bytes (closed stdout, full disk), they are dropped.
 *
 * Adding an entry point: declare it here, document its contract, list it in
 * docs/abi.md, and bump TRT_ABI_VERSION when an existing one changes.
 */
#ifndef TRT_H
#define TRT_H

#include <stdbool.h>
#include <stdint.h>

/* Bumped on every incompatible change to the declarations below. */
#define TRT_ABI_VERSION 1

#define TRT_STDOUT 1
#define TRT_STDERR 2

/* Exit status of a process that panicked (as Rust uses). */
#define TRT_PANIC_STATUS 101
/* Exit status when the runtime detects a compiler or runtime bug
 * (128 + SIGABRT, what a shell reports for abort()). */
#define TRT_BUG_STATUS 134
/* Exit status of a program whose main returned 0 while T_LEAK_CHECK was
 * set and allocations were still live (docs/runtime.md, "Leak check"). */
#define TRT_LEAK_STATUS 1

/* ---- Program entry --------------------------------------------------------
 *
 * The kernel starts the process at `_start` (arch/<arch>/start.S), which
 * clears the frame pointer, aligns the stack to 16 bytes and calls
 * trt_start with the stack pointer the kernel handed over, which points at
 * argc:  [argc][argv[0]..argv[argc-1]][NULL][envp...][NULL][auxv pairs][AT_NULL].
 *
 * trt_start records argc/argv/envp/auxv, initializes the runtime, calls
 * t_entry, flushes stdout and stderr and exits the process (exit_group) with
 * the status t_entry returned.  It never returns.
 */
_Noreturn void trt_start(uintptr_t *initial_sp);

/* Defined by compiled T code, not by the runtime: runs the program's `main`
 * and returns the process exit status (only the low 8 bits reach the parent,
 * as with any Linux process). */
int32_t t_entry(void);

/* ---- Output ----------------------------------------------------------------
 *
 * stdout is buffered in the runtime; it is flushed when the buffer fills, at
 * exit, before anything is written to stderr (so the two interleave in
 * program order when they share a destination) and, when stdout is a
 * terminal, after every write that contains a newline.  stderr is
 * unbuffered.
 */

/* Writes `len` bytes.  Precondition: len >= 0 (a negative length is reported
 * as a compiler bug, status 134). */
void trt_write(int32_t stream, const uint8_t *bytes, int64_t len);

/* Writes `v` in decimal: optional '-' then digits, no padding.  INT64_MIN
 * prints as -9223372036854775808. */
void trt_write_i64(int32_t stream, int64_t v);

/* Writes `true` or `false`. */
void trt_write_bool(int32_t stream, bool v);

/* Writes `v` in decimal (unsigned). */
void trt_write_u64(int32_t stream, uint64_t v);

/* Writes the Unicode scalar value `c` encoded as UTF-8. */
void trt_write_char(int32_t stream, uint32_t c);

/* Pushes any bytes buffered for `stream` to the operating system.  For
 * stderr, which is unbuffered, this does nothing. */
void trt_flush(int32_t stream);

/* ---- Input -----------------------------------------------------------------
 *
 * stdin is read through a runtime buffer (64 KiB).  Both functions store a
 * new owned String in *out (overwritten, not released; an empty one has no
 * buffer) and return a status:
 *   TRT_READ_OK        *out holds the text
 *   TRT_READ_EOF       (trt_read_line only) no bytes were left: *out is empty
 *   TRT_READ_BAD_UTF8  the bytes were not UTF-8 (consumed anyway); *out empty
 *   TRT_READ_ERROR     the kernel refused the read; *out empty
 * Compiled code panics on the last two, with trt_read_error's message.
 */
#define TRT_READ_OK       0
#define TRT_READ_EOF      1
#define TRT_READ_BAD_UTF8 2
#define TRT_READ_ERROR    3

struct trt_string; /* trt_string.h */

/* The next line, without its "\n" (or "\r\n"); the last line of the input
 * needs no newline. */
int32_t trt_read_line(struct trt_string *out);
/* Everything left on stdin (possibly nothing: TRT_READ_OK with ""). */
int32_t trt_read_to_string(struct trt_string *out);
/* Inside a panic being built (trt_panic_begin): writes the message of an
 * error status to stream 2 — "stream did not contain valid UTF-8" or
 * "failed to read standard input (os error N)".  Another status is a
 * compiler bug (134). */
void trt_read_error(int32_t status);

/* ---- Termination ----------------------------------------------------------- */

/* Flushes stdout and stderr and ends the process with `code` (all threads). */
_Noreturn void trt_exit(int32_t code);

/* Panics: a failed run-time check or an explicit panic.  A program uses one
 * of two sets of entry points, by the strategy it was built with:
 *
 * Unwind (the default).  The panic is raised with trt_panic_raise
 * (trt_panic_unwind.h): the nearest T `catch` up the stack gets it, after the
 * drops on the way ran.  When nothing catches it, stdout is flushed,
 *     panicked at FILE:LINE:COL: MSG\n
 * is written to stderr (then a backtrace when T_BACKTRACE asks) from the
 * panicking frame, with the whole stack still there, and the process exits
 * with status 101.  `msg` and `file` are UTF-8 byte strings that must live
 * as long as the program (compiled code passes its static data; a caught
 * panic's message points to it).
 *
 * Abort (`tcc build --panic=abort`): the *_abort entry points print the same
 * report and end the process at once with SIGABRT (status 134 in a shell);
 * nothing unwinds. */
_Noreturn void trt_panic(const uint8_t *msg, int64_t msg_len,
                         const uint8_t *file, int64_t file_len,
                         int32_t line, int32_t col);
_Noreturn void trt_panic_abort(const uint8_t *msg, int64_t msg_len,
                               const uint8_t *file, int64_t file_len,
                               int32_t line, int32_t col);

/* A panic whose message is built from several pieces (a format string with
 * arguments): after trt_panic_begin the compiler writes the message pieces to
 * stream 2 with trt_write* (or the stream sink of trt_fmt.h), then calls
 * trt_panic_end.  Unwind: the pieces are captured, not written (at most 4096
 * bytes are kept), and trt_panic_end raises the panic with them as its
 * message; a panic while the pieces are written (a Display impl that
 * panics) aborts.  Abort: trt_panic_begin_abort flushes stdout and writes
 * "panicked at FILE:LINE:COL: ", the pieces go to stderr as they come, and
 * trt_panic_end_abort ends the line and aborts. */
void trt_panic_begin(const uint8_t *file, int64_t file_len, int32_t line, int32_t col);
_Noreturn void trt_panic_end(void);
void trt_panic_begin_abort(const uint8_t *file, int64_t file_len, int32_t line, int32_t col);
_Noreturn void trt_panic_end_abort(void);

/* An array index outside [0, len): panics at FILE:LINE:COL with
 *     index out of bounds: the len is LEN but the index is INDEX
 * `index` is the index widened to 64 bits; `index_signed` says whether to show
 * it as a signed number (a negative i64 index) or an unsigned one. */
_Noreturn void trt_panic_bounds(int64_t index, uint64_t len, bool index_signed,
                                const uint8_t *file, int64_t file_len,
                                int32_t line, int32_t col);
_Noreturn void trt_panic_bounds_abort(int64_t index, uint64_t len, bool index_signed,
                                      const uint8_t *file, int64_t file_len,
                                      int32_t line, int32_t col);

/* ---- Strings ----------------------------------------------------------------
 *
 * A T `String` is three words: (pointer, byte length, owner) — trt_string.h.
 * These functions take borrowed views: the first two words, as separate
 * arguments. */

/* True when the two byte strings are equal. */
bool trt_str_eq(const uint8_t *a, int64_t a_len, const uint8_t *b, int64_t b_len);
/* -1, 0 or 1 as `a` orders before, equal to or after `b`: byte-wise, then the
 * shorter first (for UTF-8, the order of the code points). */
int32_t trt_str_cmp(const uint8_t *a, int64_t a_len, const uint8_t *b, int64_t b_len);

/* ---- Randomness -------------------------------------------------------------
 *
 * Fills out[0] and out[1] with SipHash keys for a new hash map: derived from the
 * kernel's 16 random bytes for the process (AT_RANDOM), the first one plus the
 * number of earlier calls, so every call gives different keys.  Thread-safe. */
void trt_random_seed(uint64_t out[2]);

/* ---- Command-line arguments -----------------------------------------------
 *
 * The arguments as the kernel passed them, argv[0] included, as byte strings
 * (usually but not necessarily UTF-8: Linux does not promise it).
 * Precondition for trt_arg_ptr and trt_arg_len: 0 <= i < trt_arg_count().
 * The compiler emits that bounds check before the call; the runtime does not
 * repeat it.  The bytes live as long as the process and must not be written.
 */
int64_t trt_arg_count(void);
const uint8_t *trt_arg_ptr(int64_t i);
int64_t trt_arg_len(int64_t i);

/* Larger parts of the ABI live in headers of their own, one per subsystem. */
#include "trt_fmt.h"          /* formatting values with `{:...}` specs */
#include "trt_parse.h"        /* parsing numbers from strings */
#include "trt_panic_unwind.h" /* unwinding, backtraces, fatal signals, stack overflow */
#include "trt_mem.h"          /* the allocator, statistics */
#include "trt_rc.h"           /* reference-counted objects: header, counts, weak, sharing */
#include "trt_string.h"       /* heap strings: buffers, appending, the string sink */

#endif /* TRT_H */
