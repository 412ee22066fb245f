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

	/* A literal message is handed out where it is; a formatted one is a
	 * heap string of its own that outlives the panic; releasing the owners
	 * gives every byte back. */
	trt_str_release(p.msg_owner);
	struct trt_mem_stats before, after;
	trt_mem_stats(&before);
	struct trt_caught_panic first, again;
	t_catch(plain, &first);
	int32_t owned = 0;
	for (int i = 0; i < 10; i++) {
		t_catch(bounds, &again);
		owned += again.msg_owner != (void *)0;
		trt_str_release(again.msg_owner);
	}
	t_catch(plain, &again);
	say(first.msg == again.msg && first.msg_owner == (void *)0 ? "literal messages are not copied\n" : "literal messages copied\n");
	trt_write_i64(1, owned);
	say(" formatted messages owned\n");
	int32_t caught = 0;
	for (round = 0; round < 10000; round++) {
		caught += t_catch(numbered, &p);
		if (round + 1 < 10000)
			trt_str_release(p.msg_owner);
	}
	trt_write_i64(1, caught);
	say(" caught; last: ");
	trt_write(1, p.msg, p.msg_len);
	say("\n");
	trt_str_release(p.msg_owner);
	trt_mem_stats(&after);
	say(after.live_blocks == before.live_blocks ? "no message left behind\n" : "messages leaked\n");
	return 0;
}
