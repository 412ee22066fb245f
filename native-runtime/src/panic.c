/*
 * panic.c — ending the program on an error.
 *
 * Model: two kinds of fatal error reach here.
 *   - trt_panic: the T program failed a run-time check (bounds, overflow,
 *     unwrap of nothing, ...) or called panic.  The message is the program's
 *     business; the exit status is 101.
 *   - rt_bug: the compiler and runtime disagree about the ABI (a stream
 *     number that does not exist, a negative length).  That is our bug, not
 *     the user's; the exit status is 134.
 *
 * Panics are abort-style for now: the message is printed and the process
 * exits at once, without running destructors or unwinding the stack.  When
 * the DWARF unwinder lands, trt_panic will raise an exception through
 * _Unwind_RaiseException so that cleanups run (and panics can be caught at
 * task boundaries); the message format and the status will stay.
 *
 * Invariants:
 *   - stdout is flushed before the message, so output written before the
 *     panic appears before it.
 *   - The message is assembled on the stack and written in one system call
 *     when it fits (long messages go out in several), so concurrent writers
 *     cannot split a normal-length panic line.
 *   - Nothing here allocates: a panic may be reporting that memory ran out.
 */
#include "trt.h"
#include "internal.h"
#include "backtrace.h"
#include "unwind_internal.h"

/* A line of stderr output being assembled; spills when full. */
struct line {
	size_t len;
	uint8_t buf[512];
};

static void line_flush(struct line *l)
{
	trt_write(TRT_STDERR, l->buf, (int64_t)l->len);
	l->len = 0;
}

static void line_put(struct line *l, const uint8_t *bytes, size_t len)
{
	while (len > 0) {
		if (l->len == sizeof l->buf)
			line_flush(l);
		size_t room = sizeof l->buf - l->len;
		size_t n = len < room ? len : room;
		memcpy(l->buf + l->len, bytes, n);
		l->len += n;
		bytes += n;
		len -= n;
	}
}

static void line_put_cstr(struct line *l, const char *s)
{
	line_put(l, (const uint8_t *)s, rt_cstr_len(s));
}

static void line_put_i64(struct line *l, int64_t v)
{
	uint8_t digits[RT_FMT_I64_MAX];
	line_put(l, digits, rt_fmt_i64(digits, v));
}

/* Compiled code's lengths are trusted everywhere else; here a garbage
 * negative one would turn a panic into a runaway read, so clamp it. */
static size_t clamp_len(int64_t len)
{
	return len < 0 ? 0 : (size_t)len;
}

_Noreturn void trt_panic(const uint8_t *msg, int64_t msg_len,
                         const uint8_t *file, int64_t file_len,
                         int32_t line, int32_t col)
{
	rt_unwind_check_nested_panic(msg, msg_len, file, file_len, line, col);
	struct line l;
	l.len = 0;
	line_put_cstr(&l, "panicked at ");
	line_put(&l, file, clamp_len(file_len));
	line_put_cstr(&l, ":");
	line_put_i64(&l, line);
	line_put_cstr(&l, ":");
	line_put_i64(&l, col);
	line_put_cstr(&l, ": ");
	line_put(&l, msg, clamp_len(msg_len));
	line_put_cstr(&l, "\n");
	line_flush(&l); /* trt_write to stderr flushes stdout first */
	rt_backtrace_report_here(rt_backtrace_style());
	rt_exit(TRT_PANIC_STATUS);
}

_Noreturn void trt_panic_bounds(int64_t index, uint64_t len, bool index_signed,
                                const uint8_t *file, int64_t file_len,
                                int32_t line, int32_t col)
{
	/* The message is short and bounded: build it here, then panic as usual. */
	uint8_t msg[128];
	size_t n = 0;
	static const char head[] = "index out of bounds: the len is ";
	static const char mid[] = " but the index is ";
	memcpy(msg, head, sizeof head - 1);
	n += sizeof head - 1;
	n += rt_fmt_u64(msg + n, len);
	memcpy(msg + n, mid, sizeof mid - 1);
	n += sizeof mid - 1;
	n += index_signed ? rt_fmt_i64(msg + n, index) : rt_fmt_u64(msg + n, (uint64_t)index);
	trt_panic(msg, (int64_t)n, file, file_len, line, col);
}

void trt_panic_begin(const uint8_t *file, int64_t file_len, int32_t line, int32_t col)
{
	rt_unwind_nested_panic_begin();
	struct line l;
	l.len = 0;
	line_put_cstr(&l, "panicked at ");
	line_put(&l, file, clamp_len(file_len));
	line_put_cstr(&l, ":");
	line_put_i64(&l, line);
	line_put_cstr(&l, ":");
	line_put_i64(&l, col);
	line_put_cstr(&l, ": ");
	line_flush(&l);
}

_Noreturn void trt_panic_end(void)
{
	trt_write(TRT_STDERR, (const uint8_t *)"\n", 1);
	rt_unwind_nested_panic_end();
	rt_backtrace_report_here(rt_backtrace_style());
	rt_exit(TRT_PANIC_STATUS);
}

_Noreturn void rt_bug(const char *msg, int64_t value)
{
	struct line l;
	l.len = 0;
	line_put_cstr(&l, "trt: internal error: ");
	line_put_cstr(&l, msg);
	line_put_cstr(&l, " ");
	line_put_i64(&l, value);
	line_put_cstr(&l, " (a bug in the T compiler or runtime)\n");
	line_flush(&l);
	rt_exit(TRT_BUG_STATUS);
}
