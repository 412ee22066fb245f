/*
 * unwind_catch — panics that unwind: cleanups run innermost first during
 * phase 2, then the handler gets the panic object.
 *
 * The C functions here are compiled with -fexceptions (unwind_catch.cflags):
 * their __attribute__((cleanup)) variables get landing pads under
 * __gcc_personality_v0, the runtime's cleanup-only personality.  The
 * catching frames are in unwind_catch.ll, as the compiler will emit them for
 * T: `invoke`, `landingpad` with `catch ptr @trt_panic_typeinfo`, `catch ptr
 * null` and `cleanup` clauses under `personality ptr @trt_personality`,
 * `resume` (a call to _Unwind_Resume).
 */
#include <stddef.h>
#include "trt.h"

#define NOINLINE __attribute__((noinline))

int32_t t_catch(void (*fn)(void));           /* catch trt_panic_typeinfo */
int32_t t_catch_all(void (*fn)(void));       /* catch ptr null */
void t_cleanup_frame(void (*fn)(void));      /* cleanup; resume */
void t_cleanup_other_catch(void (*fn)(void)); /* cleanup + catch of another type */

static void say(const char *s)
{
	int64_t n = 0;
	while (s[n] != 0)
		n++;
	trt_write(1, (const uint8_t *)s, n);
}

/* Called from the IR. */
void note(const char *s)
{
	say(s);
	say("\n");
}

void report_caught(struct trt_panic_exception *p, int32_t who)
{
	say(who == 1 ? "caught by a T catch: " : "caught by a catch-all: ");
	trt_write(1, p->file, p->file_len);
	say(":");
	trt_write_i64(1, p->line);
	say(":");
	trt_write_i64(1, p->col);
	say(": ");
	trt_write(1, p->msg, p->msg_len < 40 ? p->msg_len : 40);
	if (p->msg_len > 40) {
		say("... (");
		trt_write_i64(1, p->msg_len);
		say(" bytes kept");
		say(p->flags & TRT_PANIC_TRUNCATED ? ", truncated)" : ")");
	}
	say("\n");
}

/* Clang's C cleanups call abort() if a cleanup itself unwinds; a panic in a
 * cleanup aborts in the runtime before that could happen. */
_Noreturn void abort(void)
{
	say("abort called\n");
	trt_exit(99);
}

static void on_cleanup(const char **what)
{
	say("cleanup ");
	say(*what);
	say("\n");
}
#define CLEANUP(name) \
	__attribute__((cleanup(on_cleanup))) const char *cleanup_ = name

static volatile int sink;
static const uint8_t file[] = "src/deep.t";

NOINLINE void inner(void)
{
	CLEANUP("inner");
	static const uint8_t msg[] = "boom in inner";
	trt_panic_raise(msg, sizeof msg - 1, file, sizeof file - 1, 7, 9);
}

NOINLINE void middle(void)
{
	CLEANUP("middle");
	inner();
	sink++;
}

NOINLINE void outer(void)
{
	CLEANUP("outer");
	middle();
	sink++;
}

NOINLINE void through_t_cleanup(void)
{
	CLEANUP("C frame above the T cleanup");
	t_cleanup_frame(outer);
	sink++;
}

NOINLINE void through_other_catch(void)
{
	t_cleanup_other_catch(inner);
	sink++;
}

NOINLINE void no_panic(void)
{
	CLEANUP("no_panic (normal return)");
	sink++;
}

static uint8_t long_msg[3000];

NOINLINE void long_panic(void)
{
	/* 1023 ASCII bytes, then 3-byte UTF-8 characters: the 1024-byte cap
	 * falls inside one, so 1023 bytes are kept. */
	size_t i = 0;
	for (; i < 1023; i++)
		long_msg[i] = 'a';
	for (; i + 3 <= sizeof long_msg; i += 3) {
		long_msg[i] = 0xe2;
		long_msg[i + 1] = 0x82;
		long_msg[i + 2] = 0xac;
	}
	trt_panic_raise(long_msg, (int64_t)i, file, sizeof file - 1, 1, 1);
}

int32_t t_entry(void)
{
	say("-- C cleanups, caught by a T catch\n");
	trt_write_i64(1, t_catch(outer));
	say("\n-- a T cleanup frame and C frames, then the catch\n");
	trt_write_i64(1, t_catch(through_t_cleanup));
	say("\n-- catch-all\n");
	trt_write_i64(1, t_catch_all(middle));
	say("\n-- a frame whose catch does not match runs its cleanup\n");
	trt_write_i64(1, t_catch(through_other_catch));
	say("\n-- no panic\n");
	trt_write_i64(1, t_catch(no_panic));
	say("\n-- a long message\n");
	trt_write_i64(1, t_catch(long_panic));
	say("\n-- the pool is reused: many panics in a row\n");
	int32_t caught = 0;
	for (int i = 0; i < 20; i++)
		caught += t_catch_all(inner) ? 1 : 0;
	trt_write_i64(1, caught);
	say("\n");
	return 0;
}
