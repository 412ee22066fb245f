/*
 * panic_catch — the unwind strategy's panic entry points, caught the way a
 * T `catch` catches them (panic_catch.ll): trt_panic, trt_panic_bounds and a
 * message in pieces (trt_panic_begin, writes to stream 2 through trt_write*
 * and the stderr sink, trt_panic_end) all unwind to the catch, whose
 * trt_panic_catch fills a `Panic` with the message, file, line and column.
 * Messages are interned: equal messages share one copy, and the copy
 * outlives the panic object (which goes back to the pool).  Nothing reaches
 * stderr: the pieces are captured, not written.
 */
#include "trt.h"

int32_t t_catch(void (*fn)(void), struct trt_caught_panic *out);

static void say(const char *s)
{
	int64_t n = 0;
	while (s[n] != 0)
		n++;
	trt_write(1, (const uint8_t *)s, n);
}

static void show(int32_t caught, const struct trt_caught_panic *p)
{
	if (!caught) {
		say("no panic\n");
		return;
	}
	say("caught at ");
	trt_write(1, p->file, p->file_len);
	say(":");
	trt_write_u64(1, p->line);
	say(":");
	trt_write_u64(1, p->col);
	say(": ");
	trt_write(1, p->msg, p->msg_len);
	say("\n");
}

static const uint8_t file[] = "src/catch.t";
#define FILE_ARGS file, (int64_t)sizeof file - 1

static void plain(void)
{
	static const uint8_t msg[] = "attempt to add with overflow";
	trt_panic(msg, sizeof msg - 1, FILE_ARGS, 3, 14);
}

static void bounds(void)
{
	trt_panic_bounds(-2, 5, true, FILE_ARGS, 7, 9);
}

static volatile int64_t value = 42;

static void pieces(void)
{
	trt_panic_begin(FILE_ARGS, 11, 5);
	trt_write(2, (const uint8_t *)"value ", 6);
	trt_write_i64(2, value);
	trt_write(2, (const uint8_t *)" is ", 4);
	trt_write_bool(2, false);
	trt_write_char(2, 0xe9);
	trt_fmt_i64(trt_stream_sink(2), -7, &(trt_fmt_spec){ .fill = ' ', .width = 4,
	            .precision = -1, .kind = TRT_FMT_DISPLAY, .align = TRT_ALIGN_RIGHT });
	trt_panic_end();
}

static void fine(void)
{
	say("fine runs\n");
}

static volatile int64_t round;

static void numbered(void)
{
	trt_panic_begin(FILE_ARGS, 20, 1);
	trt_write(2, (const uint8_t *)"round ", 6);
	trt_write_i64(2, round % 3);
	trt_panic_end();
}

int32_t t_entry(void)
{
	struct trt_caught_panic p;
	show(t_catch(plain, &p), &p);
	show(t_catch(bounds, &p), &p);
	show(t_catch(pieces, &p), &p);
	show(t_catch(fine, &p), &p);

	/* Interning: equal messages share one copy, which outlives the panic. */
	struct trt_caught_panic first, again, other;
	t_catch(plain, &first);
	for (int i = 0; i < 10; i++)
		t_catch(bounds, &other);
	t_catch(plain, &again);
	say(first.msg == again.msg ? "equal messages share a copy\n" : "equal messages copied twice\n");
	say(first.msg != other.msg ? "different messages do not\n" : "different messages share\n");

	/* Many panics: the pool is reused, the store holds three messages. */
	const uint8_t *seen[3] = { 0 };
	int32_t caught = 0, distinct = 0;
	for (round = 0; round < 10000; round++) {
		caught += t_catch(numbered, &p);
		int32_t k = (int32_t)(round % 3);
		if (seen[k] == 0) {
			seen[k] = p.msg;
			distinct++;
		} else if (seen[k] != p.msg) {
			distinct++;
		}
	}
	trt_write_i64(1, caught);
	say(" caught, ");
	trt_write_i64(1, distinct);
	say(" distinct copies; last: ");
	trt_write(1, p.msg, p.msg_len);
	say("\n");
	return 0;
}
