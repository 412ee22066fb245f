/*
 * fmt_sink.c — sinks: the stream sinks, a sink of one's own, and the
 * behaviour around them that the generated fmt_* tests do not show.
 *
 * Built and run like every test-c program (README.md), with arguments
 * `a bc`.  Expected:
 *   stdout      fmt_sink.expected
 *   stderr      fmt_sink.expected_stderr
 *   exit status fmt_sink.expected_status  (0)
 * Run with 2>&1, the lines appear in program order ("1 out" ... "6 err"):
 * the stderr sink writes through trt_write(2), which flushes stdout first.
 *
 * What it pins:
 *   - trt_stream_sink returns the same static object on every call;
 *   - trt_sink_write passes literal pieces on and drops empty ones (the
 *     counting sink sees no call for them);
 *   - formatters call the sink only with non-empty pieces, and write long
 *     fill and zero runs in chunks without any buffer proportional to them
 *     (a width of 100000, a precision of 100000);
 *   - text that is not UTF-8 (possible in command-line arguments): Display
 *     passes the bytes through and counts each malformed byte as one
 *     character for width and precision; Debug escapes it as \xNN;
 *   - a formatted command-line argument.
 */
#include "trt.h"

#define S(lit) (const uint8_t *)(lit), (int64_t)(sizeof(lit) - 1)

/* A sink with state, the way a string builder will be one: trt_sink first. */
struct counting {
	trt_sink base;
	trt_sink *to; /* where the bytes go on to, or NULL to drop them */
	int64_t bytes;
	int64_t calls;
	int64_t empty_calls;
};

static void counting_write(trt_sink *self, const uint8_t *bytes, int64_t len)
{
	struct counting *c = (struct counting *)self;
	c->calls++;
	if (len <= 0)
		c->empty_calls++;
	c->bytes += len;
	if (c->to != 0)
		trt_sink_write(c->to, bytes, len);
}

static trt_sink *out;

static void put(const char *s)
{
	int64_t n = 0;
	while (s[n] != '\0')
		n++;
	trt_sink_write(out, (const uint8_t *)s, n);
}

static void num(int64_t v)
{
	trt_fmt_i64(out, v, 0);
}

static void report(const char *what, const struct counting *c)
{
	put(what);
	put(": ");
	num(c->bytes);
	put(" bytes, empty calls ");
	num(c->empty_calls);
	put(c->calls == 0 ? ", no call\n" : c->calls == 1 ? ", one call\n" : ", several calls\n");
}

int32_t t_entry(void)
{
	out = trt_stream_sink(TRT_STDOUT);
	trt_sink *err = trt_stream_sink(TRT_STDERR);
	static const trt_fmt_spec debug = { ' ', -1, -1, TRT_FMT_DEBUG, 0, 0, 0 };

	put("1 out: same object: ");
	trt_fmt_bool(out, out == trt_stream_sink(TRT_STDOUT) && err == trt_stream_sink(TRT_STDERR), 0);
	put("\n");
	trt_sink_write(err, S("2 err: x = "));
	trt_fmt_f64(err, 0.1 + 0.2, &debug);
	trt_sink_write(err, S("\n"));
	put("3 out: ");
	trt_fmt_str(out, S("tab\there"), &debug);
	trt_sink_write(out, S(""));
	put("\n");
	trt_sink_write(err, S("4 err: "));
	trt_fmt_char(err, '\'', &debug);
	trt_sink_write(err, S("\n"));

	/* Empty pieces never reach a sink. */
	struct counting c = { { counting_write }, 0, 0, 0, 0 };
	trt_sink_write(&c.base, S(""));
	trt_fmt_str(&c.base, S(""), 0);
	static const trt_fmt_spec zero_width = { ' ', 0, 0, TRT_FMT_DISPLAY, 0, 0, 0 };
	trt_fmt_str(&c.base, S("abc"), &zero_width); /* precision 0: nothing */
	report("5 out: empty pieces", &c);

	/* Long runs are written in chunks, from small buffers. */
	static const trt_fmt_spec wide = { 0x2500, 100000, -1, TRT_FMT_DISPLAY, TRT_ALIGN_CENTER, 0, 0 };
	c = (struct counting){ { counting_write }, 0, 0, 0, 0 };
	trt_fmt_str(&c.base, S("x"), &wide); /* 99999 three-byte fill chars + 1 */
	report("5 out: width 100000 of U+2500", &c);
	static const trt_fmt_spec precise = { ' ', -1, 100000, TRT_FMT_DISPLAY, 0, 0, 0 };
	c = (struct counting){ { counting_write }, 0, 0, 0, 0 };
	trt_fmt_f64(&c.base, 0.5, &precise); /* "0." and 100000 digits */
	report("5 out: 0.5 with precision 100000", &c);
	static const trt_fmt_spec precise_e = { ' ', -1, 100000, TRT_FMT_LOWER_EXP, 0, 0, 0 };
	c = (struct counting){ { counting_write }, 0, 0, 0, 0 };
	trt_fmt_f64(&c.base, 5e-324, &precise_e); /* "4." 100000 digits "e-324" */
	report("5 out: 5e-324 with {:.100000e}", &c);

	/* Bytes that are not UTF-8. */
	static const trt_fmt_spec pad6 = { '.', 6, -1, TRT_FMT_DISPLAY, TRT_ALIGN_RIGHT, 0, 0 };
	static const trt_fmt_spec cut2 = { ' ', -1, 2, TRT_FMT_DISPLAY, 0, 0, 0 };
	put("5 out: [");
	trt_fmt_str(out, S("\xff\xe2\x82" "a"), &pad6); /* 4 characters: 2 dots */
	put("] [");
	trt_fmt_str(out, S("\xe2\x82" "a"), &cut2); /* the two malformed bytes */
	put("] [");
	trt_fmt_str(out, S("\xff\xe2\x82" "a\xc3\xa9"), &debug);
	put("]\n");

	/* A command-line argument (the harness passes `a bc`). */
	static const trt_fmt_spec arg = { '*', 6, -1, TRT_FMT_DEBUG, 0, 0, 0 };
	static const trt_fmt_spec argw = { '*', 6, -1, TRT_FMT_DISPLAY, TRT_ALIGN_CENTER, 0, 0 };
	put("5 out: argv[2] = ");
	trt_fmt_str(out, trt_arg_ptr(2), trt_arg_len(2), &argw);
	put(" ");
	trt_fmt_str(out, trt_arg_ptr(2), trt_arg_len(2), &arg); /* Debug ignores width */
	put("\n");

	trt_sink_write(err, S("6 err: done\n"));
	return 0;
}
