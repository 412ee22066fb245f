/*
 * io.c — standard output, standard error and standard input for compiled T code.
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

/* ---- Standard input ----
 *
 * Model: stdin is read through one static 64 KiB buffer, refilled with one
 * read(2) whenever it is empty, so reading line by line costs a system call
 * per 64 KiB, not per line.  trt_read_to_string drains the buffer first and
 * then reads straight into the string's own buffer (no second copy).  End of
 * input is not sticky: after a 0-byte read the next call asks the kernel
 * again (a terminal can deliver more after ^D), as Rust does.  When stdout is
 * a terminal it is flushed before each read, so a prompt printed without a
 * newline shows before the program waits.
 *
 * Errors are returned as statuses (trt.h) and turned into a panic at the
 * call site by compiled code, so the panic names the T source line:
 * invalid UTF-8 (the bytes are consumed, as Rust's read_line consumes them)
 * or a read error, whose number trt_read_error prints.
 */
#define STDIN_CAP 65536

static uint8_t in_buf[STDIN_CAP];
static size_t in_pos, in_len;
static int32_t in_error; /* the kernel's error number of the last failed read */

/* Bytes buffered, after one read(2) if there were none: > 0, or 0 at end of
 * input, or -1 on an error (in_error says which). */
static int64_t in_fill(void)
{
	if (in_pos < in_len)
		return (int64_t)(in_len - in_pos);
	in_pos = in_len = 0;
	if (out_line_buffered)
		out_flush();
	int64_t n = os_read(OS_STDIN, in_buf, STDIN_CAP, &in_error);
	if (n > 0)
		in_len = (size_t)n;
	return n;
}

static void string_clear(trt_string *s)
{
	if (s->owner != NULL)
		trt_str_release(s->owner);
	s->ptr = (const uint8_t *)"";
	s->len = 0;
	s->owner = NULL;
}

static int32_t finish(trt_string *s, int32_t status)
{
	if (status == TRT_READ_OK && !rt_utf8_valid(s->ptr, (uint64_t)s->len))
		status = TRT_READ_BAD_UTF8;
	if (status != TRT_READ_OK)
		string_clear(s);
	return status;
}

int32_t trt_read_line(trt_string *out)
{
	out->ptr = (const uint8_t *)"";
	out->len = 0;
	out->owner = NULL;
	bool any = false, newline = false;
	while (!newline) {
		int64_t avail = in_fill();
		if (avail < 0)
			return finish(out, TRT_READ_ERROR);
		if (avail == 0)
			break;
		any = true;
		const uint8_t *start = in_buf + in_pos;
		size_t take = 0;
		while (take < (size_t)avail && start[take] != '\n')
			take++;
		newline = take < (size_t)avail;
		if (out->len == 0 && newline)
			trt_string_from_bytes(out, start, (int64_t)take); /* the usual case: exact size */
		else
			trt_string_push(out, start, (int64_t)take);
		in_pos += take + (newline ? 1 : 0);
	}
	if (!any)
		return TRT_READ_EOF;
	/* As String::lines: a line ends at "\n" or "\r\n". */
	if (out->len > 0 && out->ptr[out->len - 1] == '\r')
		out->len--;
	return finish(out, TRT_READ_OK);
}

int32_t trt_read_to_string(trt_string *out)
{
	out->ptr = (const uint8_t *)"";
	out->len = 0;
	out->owner = NULL;
	if (in_pos < in_len) {
		trt_string_push(out, in_buf + in_pos, (int64_t)(in_len - in_pos));
		in_pos = in_len = 0;
	}
	for (;;) {
		uint64_t room = rt_string_spare(out, STDIN_CAP);
		if (out_line_buffered)
			out_flush();
		int64_t n = os_read(OS_STDIN, (uint8_t *)out->ptr + out->len, (size_t)room, &in_error);
		if (n < 0)
			return finish(out, TRT_READ_ERROR);
		if (n == 0)
			break;
		out->len += n;
	}
	if (out->len == 0)
		string_clear(out); /* no input: no buffer */
	return finish(out, TRT_READ_OK);
}

void trt_read_error(int32_t status)
{
	static const char bad_utf8[] = "stream did not contain valid UTF-8";
	static const char failed[] = "failed to read standard input (os error ";
	if (status == TRT_READ_BAD_UTF8) {
		trt_write(TRT_STDERR, (const uint8_t *)bad_utf8, sizeof bad_utf8 - 1);
	} else if (status == TRT_READ_ERROR) {
		trt_write(TRT_STDERR, (const uint8_t *)failed, sizeof failed - 1);
		trt_write_i64(TRT_STDERR, in_error);
		trt_write(TRT_STDERR, (const uint8_t *)")", 1);
	} else {
		rt_bug("trt_read_error: not an error status", status);
	}
}
