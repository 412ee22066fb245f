/*
 * panic_catch.c — what a T `catch` does with the panic it caught: turns the
 * panic object into the program's `Panic` value and ends the panic.
 *
 * Model: the compiler's catch handler calls trt_panic_catch with the
 * exception pointer its landing pad received and the address of a `Panic`
 * (layout below and in trt_panic_unwind.h).  The panic object goes back to
 * the pool, so the message is copied into a heap string (trt_string.h) that
 * the `Panic` owns and drops — unless it is a literal of the program
 * (TRT_PANIC_STATIC_MSG), which the String then points to; the file name needs no copy: it is compiled
 * code's static data.
 *
 * A non-T exception reaching a T catch (the catch clause catches everything,
 * so that the functions it protects are truly `nounwind`) aborts: T cannot
 * make a `Panic` of it.
 *
 * Invariants:
 *   - Called after the landing pad, never during unwinding: the panic is
 *     over when this returns (trt_panic_begin_catch/_end_catch).
 */
#include "internal.h"
#include "os.h"
#include "unwind_internal.h"

void trt_panic_catch(struct _Unwind_Exception *exc, struct trt_caught_panic *out)
{
	struct trt_panic_exception *p = trt_panic_begin_catch(exc);
	if (p == NULL)
		rt_unwind_fatal("a foreign exception reached a T `catch`", 0);
	trt_string message = { p->static_msg, p->msg_len, NULL };
	if (!(p->flags & TRT_PANIC_STATIC_MSG))
		trt_string_from_bytes(&message, p->msg, p->msg_len < 0 ? 0 : p->msg_len);
	out->msg = message.ptr;
	out->msg_len = message.len;
	out->msg_owner = message.owner;
	out->file = p->file;
	out->file_len = p->file_len;
	out->file_owner = NULL;
	out->line = (uint32_t)p->line;
	out->col = (uint32_t)p->col;
	trt_panic_end_catch(exc);
}
