/*
 * panic.c — ending the program on an error: panics (both strategies) and
 * internal errors.
 *
 * Model: two kinds of fatal error reach here.
 *   - Panics: the T program failed a run-time check (bounds, overflow,
 *     unwrap of nothing, ...) or called panic.  The message is the program's
 *     business.  The compiler picks one of two strategies per program
 *     (`tcc build --panic=unwind|abort`) and calls the matching entry points:
 *       unwind (default): trt_panic, trt_panic_bounds, trt_panic_begin/_end
 *         raise the panic with trt_panic_raise (unwind_panic.c): a `catch`
 *         up the stack gets it after the drops on the way ran; with no catch
 *         the report below is printed from the raise point and the status is
 *         101.
 *       abort: trt_panic_abort, trt_panic_bounds_abort,
 *         trt_panic_begin_abort/_end_abort print the same report and end
 *         the process with SIGABRT at once; the program has no landing pads
 *         and links none of the raising machinery.
 *   - rt_bug: the compiler and runtime disagree about the ABI (a stream
 *     number that does not exist, a negative length).  That is our bug, not
 *     the user's; the exit status is 134.
 *
 * The report is "panicked at FILE:LINE:COL: MSG", then a backtrace when
 * T_BACKTRACE asks for one.
 *
 * Messages in pieces (a format string with arguments) under the unwind
 * strategy: trt_panic_begin starts *capturing*: until trt_panic_end, what
 * compiled code writes to stream 2 (trt_write*, the formatting sinks, a
 * user's Display impl) is appended to a static buffer instead of being
 * written; trt_panic_end raises the panic with the buffer as its message.
 * A panic that starts while a message is being captured (a Display impl that
 * panics) aborts, reporting the partial message first.
 *
 * Invariants:
 *   - stdout is flushed before any report, so output written before the
 *     panic appears before it.
 *   - A report line is assembled on the stack and written in one system call
 *     when it fits, so concurrent writers cannot split a normal-length line.
 *   - Nothing here allocates: a panic may be reporting that memory ran out.
 *   - Single-threaded for now: the capture state is a global; it becomes
 *     per-thread state with the first worker thread.
 */
#include "trt.h"
#include "internal.h"
#include "backtrace.h"
#include "signals.h"
#include "unwind_internal.h"

/* Compiled code's lengths are trusted everywhere else; here a garbage
 * negative one would turn a panic into a runaway read, so clamp it. */
static size_t clamp_len(int64_t len)
{
	return len < 0 ? 0 : (size_t)len;
}

/* The bounds-check message, built into `msg` (at least 128 bytes). */
static size_t bounds_message(uint8_t *msg, int64_t index, uint64_t len,
                             bool index_signed)
{
	size_t n = 0;
	static const char head[] = "index out of bounds: the len is ";
	static const char mid[] = " but the index is ";
	memcpy(msg, head, sizeof head - 1);
	n += sizeof head - 1;
	n += rt_fmt_u64(msg + n, len);
	memcpy(msg + n, mid, sizeof mid - 1);
	n += sizeof mid - 1;
	n += index_signed ? rt_fmt_i64(msg + n, index) : rt_fmt_u64(msg + n, (uint64_t)index);
	return n;
}

/* ---- Capturing a message written in pieces ---- */

/* Kept of a message written in pieces; the panic object keeps at most
 * TRT_PANIC_MSG_CAP of it, the uncaught report prints all of this. */
#define CAPTURE_CAP 4096

static struct {
	bool active;
	const uint8_t *file;
	int64_t file_len;
	int32_t line, col;
	size_t len;
	uint8_t buf[CAPTURE_CAP];
} capture;

bool rt_panic_capture_write(const uint8_t *bytes, size_t len)
{
	if (!capture.active)
		return false;
	size_t room = CAPTURE_CAP - capture.len;
	size_t n = len < room ? len : room;
	memcpy(capture.buf + capture.len, bytes, n);
	capture.len += n;
	return true;
}

/* A panic starts while a message is being captured: report both and abort. */
static void check_capturing(const uint8_t *msg, int64_t msg_len,
                            const uint8_t *file, int64_t file_len,
                            int32_t line, int32_t col)
{
	if (!capture.active)
		return;
	capture.active = false;
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	rt_report_panic_line(&r, capture.file, capture.file_len, capture.line,
	                     capture.col, capture.buf, (int64_t)capture.len);
	if (file != NULL)
		rt_report_panic_line(&r, file, file_len, line, col, msg, msg_len);
	rt_report_cstr(&r, "fatal runtime error: panicked while formatting a "
	                   "panic message, aborting\n");
	rt_report_flush(&r);
	rt_backtrace_report_here(rt_backtrace_style());
	rt_abort();
}

/* ---- The unwind strategy ---- */

_Noreturn void trt_panic(const uint8_t *msg, int64_t msg_len,
                         const uint8_t *file, int64_t file_len,
                         int32_t line, int32_t col)
{
	check_capturing(msg, msg_len, file, file_len, line, col);
	trt_panic_raise_static(msg, msg_len, file, file_len, line, col);
}

_Noreturn void trt_panic_bounds(int64_t index, uint64_t len, bool index_signed,
                                const uint8_t *file, int64_t file_len,
                                int32_t line, int32_t col)
{
	uint8_t msg[128];
	size_t n = bounds_message(msg, index, len, index_signed);
	check_capturing(msg, (int64_t)n, file, file_len, line, col);
	trt_panic_raise(msg, (int64_t)n, file, file_len, line, col);
}

void trt_panic_begin(const uint8_t *file, int64_t file_len, int32_t line, int32_t col)
{
	check_capturing(NULL, 0, NULL, 0, 0, 0);
	capture.active = true;
	capture.file = file;
	capture.file_len = (int64_t)clamp_len(file_len);
	capture.line = line;
	capture.col = col;
	capture.len = 0;
}

_Noreturn void trt_panic_end(void)
{
	if (!capture.active)
		rt_bug("trt_panic_end without trt_panic_begin", 0);
	capture.active = false;
	/* A message cut at CAPTURE_CAP must not end inside a character. */
	size_t n = capture.len;
	if (n == CAPTURE_CAP) {
		while (n > 0 && (capture.buf[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0 && capture.buf[n - 1] >= 0xc0)
			n--;
	}
	trt_panic_raise(capture.buf, (int64_t)n, capture.file, capture.file_len,
	                capture.line, capture.col);
}

/* ---- The abort strategy ---- */

/* Inlined, so the backtrace starts at the entry point (hidden as runtime). */
__attribute__((always_inline))
static inline _Noreturn void abort_after_report(void)
{
	rt_backtrace_report_here(rt_backtrace_style());
	rt_abort();
}

/* With a hook set (std::panic::set_hook), the abort strategy calls it as
 * the unwind strategy does — before anything else, instead of the report —
 * and then aborts.  A message in pieces is then captured, not streamed, so
 * that the hook gets it whole. */
_Noreturn void trt_panic_abort(const uint8_t *msg, int64_t msg_len,
                               const uint8_t *file, int64_t file_len,
                               int32_t line, int32_t col)
{
	check_capturing(msg, msg_len, file, file_len, line, col);
	if (rt_panic_abort_hook(msg, msg_len, file, file_len, line, col))
		rt_abort();
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	rt_report_panic_line(&r, file, file_len, line, col, msg, msg_len);
	rt_report_flush(&r); /* writing to stderr flushes stdout first */
	abort_after_report();
}

_Noreturn void trt_panic_bounds_abort(int64_t index, uint64_t len, bool index_signed,
                                      const uint8_t *file, int64_t file_len,
                                      int32_t line, int32_t col)
{
	uint8_t msg[128];
	size_t n = bounds_message(msg, index, len, index_signed);
	trt_panic_abort(msg, (int64_t)n, file, file_len, line, col);
}

void trt_panic_begin_abort(const uint8_t *file, int64_t file_len, int32_t line, int32_t col)
{
	check_capturing(NULL, 0, NULL, 0, 0, 0);
	if (rt_panic_hook_set()) {
		trt_panic_begin(file, file_len, line, col);
		return;
	}
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	rt_report_cstr(&r, "panicked at ");
	rt_report_put(&r, file, clamp_len(file_len));
	rt_report_cstr(&r, ":");
	rt_report_dec(&r, line);
	rt_report_cstr(&r, ":");
	rt_report_dec(&r, col);
	rt_report_cstr(&r, ": ");
	rt_report_flush(&r);
}

_Noreturn void trt_panic_end_abort(void)
{
	if (capture.active) {
		/* Begun with a hook set: the hook gets the captured message. */
		capture.active = false;
		trt_panic_abort(capture.buf, (int64_t)capture.len, capture.file,
		                capture.file_len, capture.line, capture.col);
	}
	trt_write(TRT_STDERR, (const uint8_t *)"\n", 1);
	abort_after_report();
}

/* ---- Internal errors ---- */

_Noreturn void rt_bug(const char *msg, int64_t value)
{
	struct rt_report r;
	rt_report_init(&r, TRT_STDERR);
	rt_report_cstr(&r, "trt: internal error: ");
	rt_report_cstr(&r, msg);
	rt_report_cstr(&r, " ");
	rt_report_dec(&r, value);
	rt_report_cstr(&r, " (a bug in the T compiler or runtime)\n");
	rt_report_flush(&r);
	rt_exit(TRT_BUG_STATUS);
}
