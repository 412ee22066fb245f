/*
 * fmt_sink.c — the sinks formatted output goes to.
 *
 * Model: a sink is an object whose first member is its write function
 * (include/trt_fmt.h).  The formatting functions only ever call that
 * function, so the same code renders to a stream today and to a growable
 * string later.  The two stream sinks here are static objects that forward
 * to trt_write, which does the buffering (io.c); they hold no state of their
 * own, so they are safe to use before, during and after anything else.
 *
 * Invariants:
 *   - write is called only with len > 0 (trt_sink_write filters empty
 *     pieces; the formatters never produce them).
 *   - The stream sinks never fail and never allocate, like trt_write.
 */
#include "fmt_internal.h"
#include "internal.h"

static void stdout_write(trt_sink *self, const uint8_t *bytes, int64_t len)
{
	(void)self;
	trt_write(TRT_STDOUT, bytes, len);
}

static void stderr_write(trt_sink *self, const uint8_t *bytes, int64_t len)
{
	(void)self;
	trt_write(TRT_STDERR, bytes, len);
}

static trt_sink stdout_sink = { stdout_write };
static trt_sink stderr_sink = { stderr_write };

trt_sink *trt_stream_sink(int32_t stream)
{
	if (stream == TRT_STDOUT)
		return &stdout_sink;
	if (stream == TRT_STDERR)
		return &stderr_sink;
	rt_bug("trt_stream_sink: invalid stream", stream);
}

void trt_sink_write(trt_sink *out, const uint8_t *bytes, int64_t len)
{
	if (len < 0)
		rt_bug("trt_sink_write: negative length", len);
	if (len > 0)
		out->write(out, bytes, len);
}
