/*
 * io.c — standard output and standard error for compiled T code.
 *
 * Model: stdout goes through one static buffer; stderr goes straight to the
 * kernel.  Buffering stdout turns the many small writes a program makes
 * (a string, a number, a newline) into few system calls; leaving stderr
 * unbuffered means diagnostics are out the moment they are written.
 *
 * The stdout buffer is flushed
 *   - when a write would not fit (writes at least as large as the buffer
 *     then bypass it: copying them gains nothing),
 *   - when it becomes full,
 *   - before every write to stderr, so that the two appear in program order
 *     when they share a destination (2>&1, a terminal),
 *   - after every write containing a newline when stdout is a terminal,
 *     decided once at start-up (line buffering, as C's stdio does),
 *   - on trt_flush(1) and at exit (rt_exit calls rt_io_flush_all).
 *
 * Invariants:
 *   - Single-threaded for now.  When worker threads arrive, this buffer needs
 *     a lock (or per-thread buffers joined at newlines).
 *   - Output errors are swallowed: the bytes are dropped and the program
 *     goes on, as in C and Go.  There is nowhere trustworthy to report them,
 *     and a program whose stdout was closed should still run to completion.
 *   - A stream number other than 1 or 2 is a compiler bug (rt_bug).
 *   - While a panic message written in pieces is being captured (panic.c),
 *     compiled code's writes to stream 2 go to the capture instead; the
 *     runtime's own reports use rt_io_write_stderr, which always writes.
 */
#include "trt.h"
#include "internal.h"
#include "os.h"

#define STDOUT_CAP 8192

static uint8_t out_buf[STDOUT_CAP];
static size_t out_len;
static bool out_line_buffered;

void rt_io_init(void)
{
	out_line_buffered = os_isatty(OS_STDOUT);
}

static void out_flush(void)
{
	if (out_len == 0)
		return;
	(void)os_write_all(OS_STDOUT, out_buf, out_len);
	out_len = 0;
}

void rt_io_flush_all(void)
{
	out_flush();
}

static bool contains_newline(const uint8_t *bytes, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (bytes[i] == '\n')
			return true;
	}
	return false;
}

static void out_write(const uint8_t *bytes, size_t len)
{
	if (len > STDOUT_CAP - out_len) {
		out_flush();
		if (len >= STDOUT_CAP) {
			(void)os_write_all(OS_STDOUT, bytes, len);
			return;
		}
	}
	memcpy(out_buf + out_len, bytes, len);
	out_len += len;
	if (out_len == STDOUT_CAP ||
	    (out_line_buffered && contains_newline(bytes, len)))
		out_flush();
}

static void err_write(const uint8_t *bytes, size_t len)
{
	out_flush();
	(void)os_write_all(OS_STDERR, bytes, len);
}

static void check_stream(int32_t stream, const char *who)
{
	if (stream != TRT_STDOUT && stream != TRT_STDERR)
		rt_bug(who, stream);
}

void trt_write(int32_t stream, const uint8_t *bytes, int64_t len)
{
	check_stream(stream, "trt_write: invalid stream");
	if (len < 0)
		rt_bug("trt_write: negative length", len);
	if (len == 0)
		return;
	if (stream == TRT_STDOUT)
		out_write(bytes, (size_t)len);
	else if (!rt_panic_capture_write(bytes, (size_t)len))
		err_write(bytes, (size_t)len);
}

void rt_io_write_stderr(const uint8_t *bytes, size_t len)
{
	if (len > 0)
		err_write(bytes, len);
}

void trt_write_i64(int32_t stream, int64_t v)
{
	check_stream(stream, "trt_write_i64: invalid stream");
	uint8_t buf[RT_FMT_I64_MAX];
	trt_write(stream, buf, (int64_t)rt_fmt_i64(buf, v));
}

void trt_write_u64(int32_t stream, uint64_t v)
{
	check_stream(stream, "trt_write_u64: invalid stream");
	uint8_t buf[RT_FMT_I64_MAX];
	trt_write(stream, buf, (int64_t)rt_fmt_u64(buf, v));
}

void trt_write_char(int32_t stream, uint32_t c)
{
	check_stream(stream, "trt_write_char: invalid stream");
	uint8_t buf[4];
	trt_write(stream, buf, (int64_t)rt_utf8_encode(buf, c));
}

void trt_write_bool(int32_t stream, bool v)
{
	check_stream(stream, "trt_write_bool: invalid stream");
	if (v)
		trt_write(stream, (const uint8_t *)"true", 4);
	else
		trt_write(stream, (const uint8_t *)"false", 5);
}

void trt_flush(int32_t stream)
{
	check_stream(stream, "trt_flush: invalid stream");
	if (stream == TRT_STDOUT)
		out_flush();
	/* stderr: nothing is ever buffered. */
}
