/*
 * backtrace.c — stack backtraces and the stderr reports they appear in.
 *
 * Model: a backtrace walks the stack with the unwinder's cursor (the same
 * CFI that unwinds panics) from a starting context — the caller of the
 * runtime entry point that wants one, or the registers a signal interrupted —
 * and prints one line per frame, named from the executable's symbol table:
 *
 *     stack backtrace:
 *        0: hello::fib
 *        1: hello::main
 *     note: some details are omitted, run with `T_BACKTRACE=full` for a verbose backtrace.
 *
 * T_BACKTRACE selects how much: unset or 0 — none where it is optional
 * (panics); full — every frame, with its address; anything else — the
 * short form, which hides the runtime's own frames (trt_*, rt_*, _Unwind_*,
 * the personality routines, _start) and everything from t_entry outwards
 * (the compiler's entry glue and the runtime's start-up).  Frame numbers
 * count the frames shown.
 *
 * Invariants:
 *   - Nothing allocates; a report is written through a 512-byte buffer on the
 *     stack in as few writes as it fits.
 *   - Walks are bounded (MAX_FRAMES, then a note) and end cleanly on
 *     unwinder errors, with a note saying why.
 */
#include "trt.h"
#include "internal.h"
#include "backtrace.h"

#define MAX_FRAMES 1024

/* ---- Reports ---- */

void rt_report_init(struct rt_report *r, int32_t stream)
{
	r->stream = stream;
	r->sink = NULL;
	r->len = 0;
}

void rt_report_flush(struct rt_report *r)
{
	if (r->len > 0 && r->sink != NULL)
		trt_sink_write(r->sink, r->buf, (int64_t)r->len);
	else if (r->len > 0 && r->stream == TRT_STDERR)
		rt_io_write_stderr(r->buf, r->len);
	else if (r->len > 0)
		trt_write(r->stream, r->buf, (int64_t)r->len);
	r->len = 0;
}

void rt_report_put(struct rt_report *r, const uint8_t *bytes, size_t len)
{
	while (len > 0) {
		if (r->len == sizeof r->buf)
			rt_report_flush(r);
		size_t room = sizeof r->buf - r->len;
		size_t n = len < room ? len : room;
		memcpy(r->buf + r->len, bytes, n);
		r->len += n;
		bytes += n;
		len -= n;
	}
}

void rt_report_cstr(struct rt_report *r, const char *s)
{
	rt_report_put(r, (const uint8_t *)s, rt_cstr_len(s));
}

void rt_report_dec(struct rt_report *r, int64_t v)
{
	uint8_t digits[RT_FMT_I64_MAX];
	rt_report_put(r, digits, rt_fmt_i64(digits, v));
}

void rt_report_hex(struct rt_report *r, uintptr_t v)
{
	uint8_t buf[2 + 2 * sizeof v];
	size_t n = sizeof buf;
	do {
		buf[--n] = (uint8_t)"0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v != 0);
	buf[--n] = 'x';
	buf[--n] = '0';
	rt_report_put(r, buf + n, sizeof buf - n);
}

static void report_hex_padded(struct rt_report *r, uintptr_t v)
{
	uint8_t buf[2 + 2 * sizeof v];
	buf[0] = '0';
	buf[1] = 'x';
	for (size_t i = 0; i < 2 * sizeof v; i++)
		buf[sizeof buf - 1 - i] = (uint8_t)"0123456789abcdef"[(v >> (4 * i)) & 15];
	rt_report_put(r, buf, sizeof buf);
}

void rt_report_panic_line(struct rt_report *r, const uint8_t *file,
                          int64_t file_len, int32_t line, int32_t col,
                          const uint8_t *msg, int64_t msg_len)
{
	rt_report_cstr(r, "panicked at ");
	rt_report_put(r, file, file_len < 0 ? 0 : (size_t)file_len);
	rt_report_cstr(r, ":");
	rt_report_dec(r, line);
	rt_report_cstr(r, ":");
	rt_report_dec(r, col);
	rt_report_cstr(r, ": ");
	rt_report_put(r, msg, msg_len < 0 ? 0 : (size_t)msg_len);
	rt_report_cstr(r, "\n");
}

/* ---- T_BACKTRACE ---- */

static bool cstr_eq(const uint8_t *a, const char *b)
{
	size_t i = 0;
	for (; b[i] != '\0'; i++) {
		if (a[i] != (uint8_t)b[i])
			return false;
	}
	return a[i] == '\0';
}

enum rt_bt_style rt_backtrace_style(void)
{
	static const char key[] = "T_BACKTRACE=";
	const uint8_t *const *env = rt_envp();
	if (env == NULL)
		return RT_BT_OFF;
	for (; *env != NULL; env++) {
		const uint8_t *e = *env;
		size_t i = 0;
		while (key[i] != '\0' && e[i] == (uint8_t)key[i])
			i++;
		if (key[i] != '\0')
			continue;
		const uint8_t *v = e + i;
		if (cstr_eq(v, "0"))
			return RT_BT_OFF;
		if (cstr_eq(v, "full"))
			return RT_BT_FULL;
		return RT_BT_SHORT;
	}
	return RT_BT_OFF;
}

/* ---- Printing frames ---- */

static bool has_prefix(const char *s, const char *prefix)
{
	for (size_t i = 0; prefix[i] != '\0'; i++) {
		if (s[i] != prefix[i])
			return false;
	}
	return true;
}

static bool is_runtime_frame(const char *name)
{
	return has_prefix(name, "trt_") || has_prefix(name, "rt_") ||
	       has_prefix(name, "_Unwind_") ||
	       has_prefix(name, "__gcc_personality_v0") ||
	       cstr_eq((const uint8_t *)name, "_start");
}

struct printer {
	struct rt_report r;
	enum rt_bt_style style;
	int shown;
	int hidden;
	bool done;  /* reached t_entry (short style) */
};

static void printer_begin(struct printer *p, int32_t stream,
                          enum rt_bt_style style)
{
	rt_report_init(&p->r, stream);
	p->style = style == RT_BT_FULL ? RT_BT_FULL : RT_BT_SHORT;
	p->shown = 0;
	p->hidden = 0;
	p->done = false;
	rt_report_cstr(&p->r, "stack backtrace:\n");
}

static void put_index(struct rt_report *r, int i)
{
	uint8_t digits[RT_FMT_I64_MAX];
	size_t n = rt_fmt_i64(digits, i);
	for (size_t pad = n; pad < 4; pad++)
		rt_report_cstr(r, " ");
	rt_report_put(r, digits, n);
	rt_report_cstr(r, ": ");
}

static void put_name(struct rt_report *r, const char *name)
{
	uint8_t buf[256];
	size_t n = rt_demangle(name, buf, sizeof buf);
	if (n == 0)
		rt_report_cstr(r, name);
	else
		rt_report_put(r, buf, n < sizeof buf ? n : sizeof buf);
}

/* `addr` is inside the instruction the frame executes. */
static void printer_frame(struct printer *p, uintptr_t addr)
{
	if (p->done)
		return;
	struct rt_symbol sym;
	bool known = rt_symbolize(addr, &sym);
	if (p->style == RT_BT_SHORT && known) {
		if (cstr_eq((const uint8_t *)sym.name, "t_entry")) {
			p->done = true;
			p->hidden++;
			return;
		}
		if (is_runtime_frame(sym.name)) {
			p->hidden++;
			return;
		}
	}
	put_index(&p->r, p->shown++);
	if (p->style == RT_BT_FULL) {
		report_hex_padded(&p->r, addr);
		rt_report_cstr(&p->r, " - ");
	}
	if (known) {
		put_name(&p->r, sym.name);
	} else {
		rt_report_cstr(&p->r, "<unknown>");
		if (p->style != RT_BT_FULL) {
			rt_report_cstr(&p->r, " at ");
			rt_report_hex(&p->r, addr);
		}
	}
	rt_report_cstr(&p->r, "\n");
}

static void printer_end(struct printer *p, int err)
{
	if (err < 0 && !p->done) {
		rt_report_cstr(&p->r, "note: the backtrace stops here: ");
		rt_report_cstr(&p->r, rt_unw_strerror(err));
		rt_report_cstr(&p->r, "\n");
	}
	if (p->hidden > 0 && p->style == RT_BT_SHORT)
		rt_report_cstr(&p->r, "note: some details are omitted, run with "
		                      "`T_BACKTRACE=full` for a verbose backtrace.\n");
	rt_report_flush(&p->r);
}

void rt_backtrace_report_from(const uintptr_t *slots, bool pc_exact,
                              enum rt_bt_style style)
{
	struct printer p;
	printer_begin(&p, TRT_STDERR, style);
	struct rt_unw_cursor c;
	rt_unw_init(&c, slots, pc_exact);
	int err = 0, n = 0;
	for (; n < MAX_FRAMES && !p.done; n++) {
		printer_frame(&p, rt_unw_lookup_pc(&c));
		int s = rt_unw_step(&c);
		if (s != 1) {
			err = s;
			break;
		}
	}
	if (n == MAX_FRAMES && !p.done)
		rt_report_cstr(&p.r, "note: the backtrace is cut after 1024 frames\n");
	printer_end(&p, err);
}

/* ---- The ABI entry points ---- */

int32_t trt_backtrace_capture(uintptr_t *pcs, int32_t max)
{
	uintptr_t slots[RT_UNW_NSLOTS];
	rt_unw_capture(slots);
	struct rt_unw_cursor c;
	rt_unw_init(&c, slots, false);
	int32_t n = 0;
	/* The first frame is this function; record from its caller. */
	while (n < max && rt_unw_step(&c) == 1)
		pcs[n++] = rt_unw_lookup_pc(&c);
	return n;
}

/* Prints captured frames to `out`, or straight to stderr when it is NULL. */
static void print_frames(trt_sink *out, const uintptr_t *pcs, int32_t n)
{
	struct printer p;
	printer_begin(&p, TRT_STDERR, rt_backtrace_style());
	p.r.sink = out;
	for (int32_t i = 0; i < n; i++)
		printer_frame(&p, pcs[i]);
	printer_end(&p, 0);
}

void trt_backtrace_print(trt_sink *out, const uintptr_t *pcs, int32_t n)
{
	/* A Backtrace's `{}` writes where its Formatter writes. */
	print_frames(out, pcs, n);
}

void rt_backtrace_print_stderr(const uintptr_t *pcs, int32_t n)
{
	print_frames(NULL, pcs, n);
}

int64_t trt_backtrace_symbol(uintptr_t pc, uint8_t *buf, int64_t cap)
{
	struct rt_symbol sym;
	if (!rt_symbolize(pc, &sym))
		return 0;
	size_t room = cap < 0 ? 0 : (size_t)cap;
	size_t n = rt_demangle(sym.name, buf, room);
	if (n != 0)
		return (int64_t)n;
	n = rt_cstr_len(sym.name);
	memcpy(buf, sym.name, n < room ? n : room);
	return (int64_t)n;
}
